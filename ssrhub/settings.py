"""Django settings for ssrhub.

Everything that differs between a laptop and a server comes from the environment (see
README, "Production"). With no environment at all, ssrhub runs in the embedded mode: SQLite in
``var/``, Celery tasks inline, DEBUG on, a development-only secret key.
"""

import os
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / 'var'

env = environ.Env()

# Section: mode

PRODUCTION = env.str('SSRHUB_ENV', default='development') == 'production'
DEBUG = env.bool('SSRHUB_DEBUG', default=not PRODUCTION)

if PRODUCTION:
    SECRET_KEY = env.str('SSRHUB_SECRET_KEY', default='')
    if len(SECRET_KEY) < 50:
        raise ImproperlyConfigured('SSRHUB_SECRET_KEY must be set to a random string of 50+ characters in production.')
else:
    SECRET_KEY = env.str('SSRHUB_SECRET_KEY', default='ssrhub-development-only-key-never-use-in-production')

ALLOWED_HOSTS = env.list('SSRHUB_ALLOWED_HOSTS', default=[] if PRODUCTION else ['127.0.0.1', 'localhost', 'testserver'])
CSRF_TRUSTED_ORIGINS = env.list('SSRHUB_CSRF_TRUSTED_ORIGINS', default=[])

# Section: applications

INSTALLED_APPS = [
    'django.contrib.admin',
    'django.contrib.auth',
    'django.contrib.contenttypes',
    'django.contrib.sessions',
    'django.contrib.messages',
    'django.contrib.staticfiles',
    'django.contrib.humanize',
    'rest_framework',
    'knox',
    'django_filters',
    'django_tables2',
    'drf_spectacular',
    'drf_spectacular_sidecar',
    'simple_history',
    'axes',
    'django_htmx',
    'django_otp',
    'django_otp.plugins.otp_totp',
    'django_otp.plugins.otp_static',
    'ssrhub.core',
    'ssrhub.framework',
    'ssrhub.documents',
    'ssrhub.coding',
    'ssrhub.mandates',
    'ssrhub.countries',
    'ssrhub.coordination',
    'ssrhub.finance',
    'ssrhub.monitoring',
    'ssrhub.roster',
    'ssrhub.safeguards',
    'ssrhub.site',
]

MIDDLEWARE = [
    # First, so that its request count and latency include every other middleware's work.
    'ssrhub.core.metrics.RequestMetricsMiddleware',
    'django.middleware.security.SecurityMiddleware',
    'ssrhub.core.security_headers.SecurityHeadersMiddleware',
    'ssrhub.core.read_only.ReadOnlyDatabaseMiddleware',
    'whitenoise.middleware.WhiteNoiseMiddleware',
    'django.contrib.sessions.middleware.SessionMiddleware',
    'ssrhub.core.sessions.IdleSessionMiddleware',
    'django.middleware.locale.LocaleMiddleware',
    'django.middleware.common.CommonMiddleware',
    'django.middleware.csrf.CsrfViewMiddleware',
    'django.contrib.auth.middleware.AuthenticationMiddleware',
    'django_otp.middleware.OTPMiddleware',
    'ssrhub.core.two_factor.AdministratorsVerifyMiddleware',
    'django.contrib.messages.middleware.MessageMiddleware',
    'django.middleware.clickjacking.XFrameOptionsMiddleware',
    'django_htmx.middleware.HtmxMiddleware',
    'simple_history.middleware.HistoryRequestMiddleware',
    'axes.middleware.AxesMiddleware',
]

ROOT_URLCONF = 'ssrhub.site.urls'
WSGI_APPLICATION = 'ssrhub.wsgi.application'

TEMPLATES = [
    {
        'BACKEND': 'django.template.backends.django.DjangoTemplates',
        'DIRS': [],
        'APP_DIRS': True,
        'OPTIONS': {
            'context_processors': [
                'django.template.context_processors.request',
                'django.template.context_processors.i18n',
                'django.contrib.auth.context_processors.auth',
                'django.contrib.messages.context_processors.messages',
                'ssrhub.site.navigation.navigation',
                'ssrhub.site.accounts.password_reset_context',
            ],
        },
    },
]

# Section: database

DATABASES = {
    'default': env.db_url_config(env.str('DATABASE_URL', default='') or f'sqlite:///{VAR_DIR / "ssrhub.sqlite3"}'),
}
if DATABASES['default']['ENGINE'] == 'django.db.backends.sqlite3':
    # Several processes (the web server, Celery workers) may write: wait for locks instead of failing and take the
    # write lock at the start of a transaction. Readers run beside one writer: `migrate` puts the file in WAL mode
    # once (core/signals.py), which it keeps; a pragma on every connection would fail on a read-only file.
    DATABASES['default'].setdefault('OPTIONS', {}).update({'timeout': 30, 'transaction_mode': 'IMMEDIATE'})
    _database = Path(DATABASES['default']['NAME'])
    # A file ssrhub may not write (read-only file, folder or mount) is opened read-only: SQLite's immutable mode
    # reads a WAL file without creating its -shm beside it. Pages and the API read; a write is refused with 503
    # (core/read_only.py). docs/operations.md, "Read-only database".
    if env.bool('SSRHUB_DATABASE_READ_ONLY', default=False) or (
        _database.is_file() and not (os.access(_database, os.W_OK) and os.access(_database.parent, os.W_OK))
    ):
        DATABASES['default']['NAME'] = f'{_database.resolve().as_uri()}?immutable=1'
        del DATABASES['default']['OPTIONS']['transaction_mode']
else:
    # A server's connections are kept between requests and checked before reuse, so that a database restart costs
    # the requests during the outage only: the next request opens a new connection.
    DATABASES['default']['CONN_MAX_AGE'] = env.int('SSRHUB_DB_CONN_MAX_AGE', default=60)
    DATABASES['default']['CONN_HEALTH_CHECKS'] = True
DEFAULT_AUTO_FIELD = 'django.db.models.BigAutoField'

# Section: authentication

AUTHENTICATION_BACKENDS = [
    'ssrhub.core.lockout.UsernameLimitBackend',
    'ssrhub.roster.backends.UserWithProfileBackend',
]
AUTH_PASSWORD_VALIDATORS = [
    {'NAME': 'django.contrib.auth.password_validation.UserAttributeSimilarityValidator'},
    {'NAME': 'django.contrib.auth.password_validation.MinimumLengthValidator', 'OPTIONS': {'min_length': 12}},
    # Django's list of 20,000 passwords most common in breaches.
    {'NAME': 'django.contrib.auth.password_validation.CommonPasswordValidator'},
    {'NAME': 'django.contrib.auth.password_validation.NumericPasswordValidator'},
]
LOGIN_URL = 'login'
LOGIN_REDIRECT_URL = 'home'
LOGOUT_REDIRECT_URL = 'home'

# A session idle for SSRHUB_SESSION_IDLE_MINUTES ends: requests push its end on (core/sessions.py; at most once every
# SSRHUB_SESSION_REFRESH_SECONDS, so that pages do not write the sessions table each time), so only idleness ends it.
# 30 minutes by default: the platform holds due-diligence records and a shared or unattended office computer is the
# likelier risk than a user retyping a password after a long meeting (OWASP suggests 15-30 minutes for such data).
SESSION_COOKIE_AGE = env.int('SSRHUB_SESSION_IDLE_MINUTES', default=30) * 60
SSRHUB_SESSION_REFRESH_SECONDS = env.int('SSRHUB_SESSION_REFRESH_SECONDS', default=60)

# The client's address (core/lockout.py): behind SSRHUB_PROXY_COUNT reverse proxies, read from SSRHUB_PROXY_HEADER
# only on requests from SSRHUB_TRUSTED_PROXIES (the proxy's address as gunicorn sees it).
SSRHUB_PROXY_COUNT = env.int('SSRHUB_PROXY_COUNT', default=0)
SSRHUB_PROXY_HEADER = env.str('SSRHUB_PROXY_HEADER', default='HTTP_X_FORWARDED_FOR')
SSRHUB_TRUSTED_PROXIES = env.list('SSRHUB_TRUSTED_PROXIES', default=['127.0.0.1', '::1'])
AXES_CLIENT_IP_CALLABLE = 'ssrhub.core.lockout.client_address'
# A wrong login is rate-limited: after AXES_FAILURE_LIMIT failures for one username from one client address, that
# pair is locked for AXES_COOLOFF_TIME hours; after SSRHUB_LOGIN_USERNAME_FAILURE_LIMIT failures for one username from
# all addresses, the username is, for the same cool-off. Failures during a lockout are not counted (they would extend
# it indefinitely); administrators unlock from the admin's access attempts.
AXES_FAILURE_LIMIT = env.int('SSRHUB_LOGIN_FAILURE_LIMIT', default=5)
SSRHUB_LOGIN_USERNAME_FAILURE_LIMIT = env.int('SSRHUB_LOGIN_USERNAME_FAILURE_LIMIT', default=30)
AXES_COOLOFF_TIME = env.float('SSRHUB_LOGIN_COOLOFF_HOURS', default=0.25)
AXES_LOCKOUT_PARAMETERS = [['username', 'ip_address']]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_TEMPLATE = 'registration/locked_out.html'
# The issuer an authenticator app shows beside the account (second factor, core/two_factor.py).
OTP_TOTP_ISSUER = 'ssrhub'

# Section: internationalisation

LANGUAGE_CODE = 'en'
LANGUAGES = [('en', _('English')), ('fr', _('French'))]
LOCALE_PATHS = [BASE_DIR / 'ssrhub' / 'locale']
TIME_ZONE = 'UTC'
USE_I18N = True
USE_TZ = True

# Section: static files (all vendored; nothing is loaded from a CDN)

STATIC_URL = '/static/'
STATIC_ROOT = env.path('SSRHUB_STATIC_ROOT', default=VAR_DIR / 'static')
STORAGES = {
    'default': {'BACKEND': 'django.core.files.storage.FileSystemStorage'},
    'staticfiles': {
        'BACKEND': 'whitenoise.storage.CompressedManifestStaticFilesStorage'
        if PRODUCTION
        else 'django.contrib.staticfiles.storage.StaticFilesStorage',
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION
MEDIA_ROOT = env.path('SSRHUB_MEDIA_ROOT', default=VAR_DIR / 'media')
# Uploads on local disk, or in any S3-compatible store when a bucket is named. Either way they are served only through
# the views that check access (there is no MEDIA_URL): the store's own addresses are never given out.
MEDIA_S3_BUCKET = env.str('SSRHUB_MEDIA_S3_BUCKET', default='')
if MEDIA_S3_BUCKET:
    STORAGES['default'] = {
        'BACKEND': 'storages.backends.s3.S3Storage',
        'OPTIONS': {
            'bucket_name': MEDIA_S3_BUCKET,
            'endpoint_url': env.str('SSRHUB_MEDIA_S3_ENDPOINT_URL', default='') or None,
            'access_key': env.str('SSRHUB_MEDIA_S3_ACCESS_KEY', default='') or None,
            'secret_key': env.str('SSRHUB_MEDIA_S3_SECRET_KEY', default='') or None,
            'region_name': env.str('SSRHUB_MEDIA_S3_REGION', default='') or None,
            'location': env.str('SSRHUB_MEDIA_S3_PREFIX', default=''),
            # Private objects, never replaced under the same name (as on disk).
            'default_acl': 'private',
            'file_overwrite': False,
        },
    }
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Section: document uploads and ingest jobs (docs/operations.md, "Uploads and ingest jobs"): the limits every file
# is read within, by the web upload and `ssrhub ingest` alike.
SSRHUB_UPLOAD_MAX_MB = env.int('SSRHUB_UPLOAD_MAX_MB', default=50)
SSRHUB_INGEST_MAX_SECONDS = env.int('SSRHUB_INGEST_MAX_SECONDS', default=120)
SSRHUB_INGEST_MAX_MEMORY_MB = env.int('SSRHUB_INGEST_MAX_MEMORY_MB', default=1024)
SSRHUB_INGEST_MAX_PAGES = env.int('SSRHUB_INGEST_MAX_PAGES', default=2000)
SSRHUB_INGEST_MAX_PARAGRAPHS = env.int('SSRHUB_INGEST_MAX_PARAGRAPHS', default=20000)
SSRHUB_INGEST_MAX_UNPACKED_MB = env.int('SSRHUB_INGEST_MAX_UNPACKED_MB', default=250)
# Scans (docs/document-intelligence.md, "Scanned documents"): the time OCR may add to the reading of one file, the
# languages it reads (Tesseract's codes, joined by '+'), and the mean word confidence under which a page is flagged
# for review and its paragraphs get no machine codes.
SSRHUB_OCR_MAX_SECONDS = env.int('SSRHUB_OCR_MAX_SECONDS', default=600)
SSRHUB_OCR_LANGUAGES = env.str('SSRHUB_OCR_LANGUAGES', default='eng+fra')
SSRHUB_OCR_MIN_CONFIDENCE = env.float('SSRHUB_OCR_MIN_CONFIDENCE', default=60.0)
# Learning from review (docs/document-intelligence.md, "Learning from review"): the model file `ssrhub coding train`
# writes and `ssrhub coding propose` reads, and the shared data folder its seed is read from.
SSRHUB_LEARNED_MODEL = env.path('SSRHUB_LEARNED_MODEL', default=VAR_DIR / 'models' / 'coding-learned.joblib')
SSRHUB_SHARED_DATA = env.path('SSRHUB_SHARED_DATA', default=BASE_DIR.parent / 'shared' / 'data')

# Section: REST API

# API tokens (core/api/tokens.py): django-rest-knox keeps a SHA-512 digest of each key in core.ApiToken, never the
# key; each token expires (its owner chooses 30, 90 or 365 days on the account page).
KNOX_TOKEN_MODEL = 'core.ApiToken'
REST_FRAMEWORK = {
    'DEFAULT_AUTHENTICATION_CLASSES': [
        'ssrhub.core.api.tokens.TokenAuthentication',
        'rest_framework.authentication.SessionAuthentication',
    ],
    'DEFAULT_PERMISSION_CLASSES': ['ssrhub.core.api.permissions.RestrictedModelPermissions'],
    'DEFAULT_RENDERER_CLASSES': [
        'rest_framework.renderers.JSONRenderer',
        'ssrhub.core.api.renderers.StylesheetOnlyBrowsableAPIRenderer',
    ],
    'DEFAULT_FILTER_BACKENDS': ['ssrhub.core.api.filters.FilterBackend'],
    'DEFAULT_PAGINATION_CLASS': 'ssrhub.core.api.pagination.PageSizePagination',
    'PAGE_SIZE': 50,
    'DEFAULT_SCHEMA_CLASS': 'drf_spectacular.openapi.AutoSchema',
    # Rate limits (core/api/throttling.py), counted in CACHES['default']: anonymous clients by address, people by
    # account, the address as the login lockout reads it (SSRHUB_PROXY_COUNT above). An empty value turns a limit off.
    'DEFAULT_THROTTLE_CLASSES': [
        'ssrhub.core.api.throttling.AnonymousRateThrottle',
        'ssrhub.core.api.throttling.UserRateThrottle',
    ],
    'DEFAULT_THROTTLE_RATES': {
        'anon': env.str('SSRHUB_API_ANON_RATE', default='60/minute') or None,
        'user': env.str('SSRHUB_API_USER_RATE', default='1000/hour') or None,
    },
}
SPECTACULAR_SETTINGS = {
    'TITLE': 'ssrhub API',
    'DESCRIPTION': 'Reference framework, institutions and places of the UN approach to security sector reform.',
    'VERSION': '0.1.0',
    'SERVE_INCLUDE_SCHEMA': False,
    'SWAGGER_UI_DIST': 'SIDECAR',
    'SWAGGER_UI_FAVICON_HREF': 'SIDECAR',
    'REDOC_DIST': 'SIDECAR',
    # Choice sets shared by several apps' serializers, named once.
    'ENUM_NAME_OVERRIDES': {
        'ResultTypeEnum': 'ssrhub.coordination.models.ResultType',
        'ReportStatusEnum': 'ssrhub.monitoring.models.ReportStatus',
        'SubmissionSourceEnum': 'ssrhub.monitoring.models.SubmissionSource',
    },
    # The error answers (400, 401, 403, 404, 405, 429) documented on every operation.
    'POSTPROCESSING_HOOKS': [
        'drf_spectacular.hooks.postprocess_schema_enums',
        'ssrhub.core.api.schema.error_responses',
    ],
}

# Section: background work

CELERY_BROKER_URL = env.str('SSRHUB_REDIS_URL', default='')
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = CELERY_BROKER_URL or None
# Periodic tasks (celery beat): the check of the documents' original files (docs/operations.md).
CELERY_BEAT_SCHEDULE = {
    'check-originals': {
        'task': 'ssrhub.documents.check_originals',
        'schedule': env.int('SSRHUB_CHECK_ORIGINALS_SECONDS', default=24 * 3600),
    },
}
# A task acknowledged only once done (acks_late) goes back to the queue when its worker dies; with Redis, after this
# many seconds without acknowledgement. It must be longer than the longest task, or a running task is given again.
CELERY_BROKER_TRANSPORT_OPTIONS = {'visibility_timeout': env.int('SSRHUB_CELERY_VISIBILITY_TIMEOUT', default=3600)}
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BEAT_SCHEDULE_FILENAME = str(env.path('SSRHUB_CELERY_BEAT_SCHEDULE', default=VAR_DIR / 'celerybeat-schedule'))
# With a worker, a change to the records a plan's funding is calculated from has the kept results calculated again in
# the background (finance/tasks.py); inline it would make the writer wait for every reader's result.
SSRHUB_FUNDING_REFRESH = bool(CELERY_BROKER_URL)
# Results kept until their data changes (a plan's funding, the trends, the search vocabulary; core/kept.py): in Redis
# where it runs, so that every web process shares them; in the process's memory in the embedded mode.
CACHES = {
    'default': {
        'BACKEND': 'ssrhub.core.cache.TolerantRedisCache',
        'LOCATION': CELERY_BROKER_URL,
        'OPTIONS': {'socket_connect_timeout': 1, 'socket_timeout': 1},
    }
    if CELERY_BROKER_URL
    else {'BACKEND': 'django.core.cache.backends.locmem.LocMemCache'}
}

# Section: field encryption

# Names of individuals, victims and sources and the narratives of due-diligence records are encrypted in the database
# (core/crypto.py) with keys kept outside it: SSRHUB_FIELD_KEYS lists Fernet keys (the first encrypts, every one
# decrypts, so a key can be rotated), or SSRHUB_FIELD_KEY_FILE names a file with one key per line. The embedded mode
# creates var/field-keys on first use; production refuses to start without keys.
FIELD_ENCRYPTION_KEYS = env.list('SSRHUB_FIELD_KEYS', default=[])
FIELD_ENCRYPTION_KEY_FILE = env.path('SSRHUB_FIELD_KEY_FILE', default=VAR_DIR / 'field-keys')
if PRODUCTION and not FIELD_ENCRYPTION_KEYS and not Path(FIELD_ENCRYPTION_KEY_FILE).is_file():
    raise ImproperlyConfigured('Set SSRHUB_FIELD_KEYS or SSRHUB_FIELD_KEY_FILE: production never creates its own key.')

# Section: audit history

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True
SIMPLE_HISTORY_REVERT_DISABLED = True

# Section: mail (password resets). Mail is sent by SMTP once EMAIL_HOST names a server; until then development prints
# mails on the console and production sends none, so that no page offers a password reset that cannot arrive.

EMAIL_HOST = env.str('EMAIL_HOST', default='')
EMAIL_BACKEND = env.str(
    'EMAIL_BACKEND',
    default='django.core.mail.backends.smtp.EmailBackend'
    if EMAIL_HOST
    else 'django.core.mail.backends.dummy.EmailBackend'
    if PRODUCTION
    else 'django.core.mail.backends.console.EmailBackend',
)
EMAIL_PORT = env.int('EMAIL_PORT', default=25)
EMAIL_HOST_USER = env.str('EMAIL_HOST_USER', default='')
EMAIL_HOST_PASSWORD = env.str('EMAIL_HOST_PASSWORD', default='')
EMAIL_USE_TLS = env.bool('EMAIL_USE_TLS', default=False)
DEFAULT_FROM_EMAIL = env.str('DEFAULT_FROM_EMAIL', default='ssrhub <noreply@localhost>')
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where the error pages tell users to report a problem (empty: "ask your administrator").
SSRHUB_SUPPORT_EMAIL = env.str('SSRHUB_SUPPORT_EMAIL', default='')

# Section: security (checked by `ssrhub check --deploy` with SSRHUB_ENV=production)

SESSION_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = 'ssrhub.core.views.errors.csrf_failure'
X_FRAME_OPTIONS = 'DENY'
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = 'same-origin'
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env.bool('SSRHUB_SSL_REDIRECT', default=True)
    # Probes and Prometheus may ask gunicorn directly over plain HTTP on the machine.
    SECURE_REDIRECT_EXEMPT = [r'^health/', r'^metrics$']
    SECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https')
    SECURE_HSTS_SECONDS = env.int('SSRHUB_HSTS_SECONDS', default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Section: security headers (ssrhub/core/security_headers.py; docs/operations.md, "Security headers")

# No inline script, no eval: every script is a static file. Style elements are files too; style *attributes* are
# allowed (progress bars, chart widths and colours are set in templates): `style-src-attr` where the browser knows it,
# `style-src` with 'unsafe-inline' only for browsers that do not (they ignore it when `style-src-elem` is set).
CONTENT_SECURITY_POLICY = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'style-src-elem': ["'self'"],
    'style-src-attr': ["'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
}
# Report what the policy would block without blocking it (to try a change of policy on a running site).
SSRHUB_CSP_REPORT_ONLY = env.bool('SSRHUB_CSP_REPORT_ONLY', default=False)
# Where browsers send their violation reports (empty: only the browser's console shows them).
SSRHUB_CSP_REPORT_URI = env.str('SSRHUB_CSP_REPORT_URI', default='')
# Browser features no page uses: denied to every origin.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        'accelerometer', 'autoplay', 'camera', 'display-capture', 'geolocation', 'gyroscope', 'hid',
        'idle-detection', 'magnetometer', 'microphone', 'midi', 'payment', 'publickey-credentials-get',
        'screen-wake-lock', 'serial', 'usb', 'xr-spatial-tracking',
    )
}  # fmt: skip

# Section: health and metrics (core/health.py, core/metrics.py)

# /health/ready fails when the media or var directory has less free space than this.
HEALTH_MIN_FREE_MB = env.int('SSRHUB_HEALTH_MIN_FREE_MB', default=1024)
# How long /health/ready waits for a Celery worker to answer a ping.
HEALTH_WORKER_TIMEOUT = env.float('SSRHUB_HEALTH_WORKER_TIMEOUT', default=2.0)
# /metrics answers a request bearing this token; with none set, only a request made on the machine itself.
METRICS_TOKEN = env.str('SSRHUB_METRICS_TOKEN', default='')

LOGGING = {
    'version': 1,
    'disable_existing_loggers': False,
    'handlers': {'console': {'class': 'logging.StreamHandler'}},
    'root': {'handlers': ['console'], 'level': env.str('SSRHUB_LOG_LEVEL', default='WARNING')},
}
