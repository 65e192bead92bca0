"""What goes wrong in a page without showing: script errors and what the Content-Security-Policy refuses."""

# A Content-Security-Policy violation is an event on the document (and a "Refused to ..." console error): the event
# is written to the console too, with what was refused and where.
REPORT_VIOLATIONS = """document.addEventListener('securitypolicyviolation', (event) => console.error(
  `CSP violation: ${event.effectiveDirective} refused ${event.blockedURI || 'inline code'}`
  + ` (${event.sourceFile || 'the page'}:${event.lineNumber})`));"""


def browser_problems(page) -> list[str]:
    """The script errors, console errors (the policy's refusals among them) and Content-Security-Policy violations of
    ``page`` from now on, each with the page's address."""
    problems = []
    page.add_init_script(REPORT_VIOLATIONS)

    def console(message):
        # A page answering 4xx (a form sent back with its errors, a 404 page) is logged as a failed resource: the
        # tests check the page's status themselves. Any other resource failing is a problem.
        own_status = message.text.startswith('Failed to load resource') and message.location.get('url') == page.url
        if message.type == 'error' and not own_status:
            problems.append(f'{page.url}: {message.text}')

    page.on('console', console)
    page.on('pageerror', lambda error: problems.append(f'{page.url}: {error}'))
    return problems
