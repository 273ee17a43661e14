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
"""
