#!/usr/bin/env bash
# Prints a Python that can import MODULES (comma-separated): $PYTHON (else python3) when it can,
# else a virtual environment made once at VENV with `pip install PACKAGES...`, the only step
# that needs the network. Shared by the checks that read our output with independent readers.
#
#   py=$(bench/python_with.sh VENV MODULES PACKAGE...)
set -euo pipefail
venv=${1:?usage: bench/python_with.sh VENV MODULES PACKAGE...}
modules=${2:?usage: bench/python_with.sh VENV MODULES PACKAGE...}
shift 2
py=${PYTHON:-python3}
if "$py" -c "import $modules" 2>/dev/null; then
    echo "$py"
    exit 0
fi
if ! "$venv/bin/python" -c "import $modules" 2>/dev/null; then
    python3 -m venv "$venv" >&2
    "$venv/bin/pip" install --quiet "$@" >&2
fi
echo "$venv/bin/python"
