"""AI operations ($extract, $code, $summarize, $triage-image, $compose-discharge); one module each."""
