"""Logging in with OpenID Connect: ``st.login``, ``st.logout`` and ``st.user``.

- ``settings``: the ``[auth]`` secrets, checked as Streamlit checks them.
- ``cookie``: the identity cookie, encrypted and signed with the cookie secret (no server state,
  so every server process that knows the secret recognises the user).
- ``oidc``: the provider's metadata, the authorization request and the code exchange (Authlib).
- ``routes``: ``/auth/login``, ``/oauth2callback`` and ``/auth/logout``.
- ``user``: ``st.user``, ``st.login`` and ``st.logout`` as a script sees them.

Authlib is an optional extra (``pip install slipstream[auth]``); nothing here imports it until a
login is asked for.
"""
