"""`flask --app wsgi queue worker`: the consumer that runs jobs and periodic jobs."""

import click
from flask import current_app
from flask.cli import AppGroup, with_appcontext

from consult.core.queue.runner import reap_stale_jobs, run_due_periodic

queue_cli = AppGroup("queue", help="The task queue.")


@queue_cli.command("worker")
@click.option("--workers", default=2, show_default=True, help="Jobs run at the same time.")
@with_appcontext
def worker_command(workers):
    """Run queued jobs and the periodic jobs until stopped (Ctrl-C)."""
    backend = current_app.extensions["consult.queue"]
    if backend.huey is None:
        raise click.ClickException("QUEUE_MODE is 'inline': jobs run in the web process.")
    consumer = backend.huey.create_consumer(workers=workers, worker_type="thread", periodic=True)
    click.echo(f"Queue worker: {workers} thread(s), storage {type(backend.huey).__name__}.")
    consumer.run()


@queue_cli.command("tick")
def tick_command():
    """Run the periodic jobs due now and reap stale jobs once (for cron or a check)."""
    ran = run_due_periodic()
    dead = reap_stale_jobs()
    click.echo(f"Ran {', '.join(ran) or 'nothing'}; {len(dead)} stale job(s) marked failed.")
