"""gunicorn settings for ssrhub (docs/operations.md, "Deployment").

Read by `gunicorn -c deploy/gunicorn.conf.py ssrhub.wsgi`; every value can be changed through the environment
variable named beside it (the systemd unit reads them from /etc/ssrhub/ssrhub.env).
"""

import multiprocessing
import os
import shutil
from pathlib import Path

# Imported here, in the master at start-up: imported in child_exit, a signal handler, it can interrupt an import
# already under way (on a reload) and kill the master.
from prometheus_client import multiprocess

# Behind nginx on the same machine: only it connects.
bind = os.environ.get('SSRHUB_BIND', '127.0.0.1:8000')
# Pages are mostly database-bound: two processes per core, at least two.
workers = int(os.environ.get('SSRHUB_WEB_WORKERS', max(2, multiprocessing.cpu_count() * 2)))
# Longer than the slowest page (a country brief as PDF); uploads are handed to Celery, not processed here.
timeout = int(os.environ.get('SSRHUB_WEB_TIMEOUT', 60))
graceful_timeout = 30
keepalive = 5
# A worker is replaced after this many requests (with jitter), so that memory held by one large page is given back.
max_requests = int(os.environ.get('SSRHUB_WEB_MAX_REQUESTS', 2000))
max_requests_jitter = max_requests // 10
# Access log on standard output (journald under systemd); the client is the address nginx passes on.
accesslog = os.environ.get('SSRHUB_ACCESS_LOG', '-')
errorlog = '-'
access_log_format = '%({x-forwarded-for}i)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'
# Trust X-Forwarded-Proto / X-Forwarded-For only from the proxy on this machine.
forwarded_allow_ips = os.environ.get('SSRHUB_FORWARDED_ALLOW_IPS', '127.0.0.1,::1')
proxy_allow_ips = forwarded_allow_ips
# Temporary upload buffers in memory, not on a possibly slow disk.
worker_tmp_dir = '/dev/shm' if Path('/dev/shm').is_dir() else None


def on_starting(server):
    """Prometheus multi-process mode: every worker writes its metrics to this folder, emptied at each start so that
    counters of a previous run do not add up (the Celery worker's systemd unit must start after this one)."""
    folder = os.environ.get('PROMETHEUS_MULTIPROC_DIR')
    if folder:
        shutil.rmtree(folder, ignore_errors=True)
        Path(folder).mkdir(parents=True)


def child_exit(server, worker):
    if os.environ.get('PROMETHEUS_MULTIPROC_DIR'):
        multiprocess.mark_process_dead(worker.pid)
