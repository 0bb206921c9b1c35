"""Where ``.ci/run`` requires every service, a missing one stops the run instead of skipping
the tests that need it."""

import os
import subprocess
import sys

from conftest import REPO


def test_a_required_run_without_poppler_fails_instead_of_skipping_the_pdf_checks(tmp_path):
    env = {**os.environ, "OPENIGF_REQUIRE_SERVICES": "1", "PATH": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider",
         "tests/outcomes/test_outcomes.py"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    assert "needs poppler-utils (pdftotext, pdftoppm) to read PDFs" in result.stdout + \
        result.stderr
