"""What `make run` prints before starting the processes."""

from infra import config


def main() -> None:
    port = config.gateway_port()
    print(
        f"\nMultitalent is starting: http://127.0.0.1:{port}\n"
        f"Operator token: {config.operator_token()}\n"
        f"Try: curl -H 'Authorization: Bearer {config.operator_token()}' "
        f"http://127.0.0.1:{port}/v1/members\n"
        "Ctrl-C stops every process.\n"
    )


if __name__ == "__main__":
    main()
