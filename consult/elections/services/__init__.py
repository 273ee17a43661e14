"""The elections domain's rules, one module per area; each function takes the acting user,
changes the session, raises ServiceError and leaves the commit to its caller.

setup.py       elections, rule sets, contests, the code of conduct
stations.py    polling stations, shifts, a mobile ballot box's voters
timeline.py    the deadlines derived from election day, the checklist, reminders
publishing.py  publications (voter list, candidates, counting staff, proxies)
voters.py      the voter list drawn from the register, objections
candidates.py  candidates, profiles, photos, withdrawals, declared relations, 差额
staff.py       counting staff and their conflicts
proxies.py     proxy votes
signup.py      observers' and volunteers' sign-up, confirmation, cancellation
decisions.py   the committee's approvals, wait list and revocations

Election day (part 2):
counts.py      beginning the count; each station's count per contest and round, checked
               at the field; corrections that keep the history
results.py     the stations' counts as consult.tally's totals input, and its answer
rounds.py      the second round (另行选举): scheduling, dropping one no longer needed
reviews.py     observers' countersignatures and objections, the committee's answers
report.py      the results document the pages, the printed notice and the API read
declaration.py what stops the declaration, vacancies, declaring (frozen results)
"""
