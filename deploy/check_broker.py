"""Exit non-zero with one clear line when RabbitMQ is not reachable at AMQP_URI."""

import sys

from kombu import Connection

from infra import config


def main() -> int:
    uri = config.amqp_uri()
    try:
        with Connection(uri, connect_timeout=3) as connection:
            connection.ensure_connection(max_retries=1)
    except Exception as error:
        safe_uri = uri.split("@")[-1]
        print(
            f"RabbitMQ is not reachable at AMQP_URI=…@{safe_uri} ({error.__class__.__name__}). "
            "Start a broker (e.g. `rabbitmq-server -detached`, or "
            "`docker run -d -p 5672:5672 rabbitmq:3`) or set AMQP_URI.",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
