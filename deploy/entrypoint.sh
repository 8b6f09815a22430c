#!/bin/sh
# Container start: `entrypoint.sh <process>`, the process named by docker-compose.yml.
# `init` migrates every database and declares every event queue, then exits;
# every process applies its own migrations (a no-op after init) and becomes the process.
set -eu

process="${1:-}"

case "$process" in
    init)
        python -m deploy.migrate
        python -m deploy.declare_queues
        exit 0
        ;;
    members|matching|billing|learning|federation)
        python -m deploy.migrate "$process"
        exec python -m deploy.start "$process"
        ;;
    gateway)
        python -m deploy.migrate gateway
        exec python -m deploy.start gateway
        ;;
    *)
        echo "usage: entrypoint.sh {init|members|matching|billing|learning|federation|gateway}" >&2
        exit 2
        ;;
esac
