"""The HTTP and websocket server: the Starlette app ``server.app.create_app`` builds.

Nothing is loaded here: the command line answers the app's page (``server.warmup``) before it
loads the server's app."""
