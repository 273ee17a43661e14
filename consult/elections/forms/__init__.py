"""The elections domain's forms: setup.py (committee set-up), people.py (voter list,
candidates, staff, proxies), signup.py (the public helper sign-up)."""
