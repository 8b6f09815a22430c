"""Container healthcheck: `python -m deploy.healthcheck <name>` exits 0 when healthy.

The gateway is healthy when GET /health answers 200; a service when its `ping` RPC
answers "pong" (through the broker, so any replica of the service may answer).
"""

import warnings

warnings.filterwarnings("ignore", message=r"\s*Eventlet is deprecated", category=Warning)

import eventlet  # noqa: E402

eventlet.monkey_patch()

import sys  # noqa: E402
import urllib.request  # noqa: E402

from deploy.start import SERVICES  # noqa: E402
from infra import config  # noqa: E402

NAMES = tuple(SERVICES)
TIMEOUT_SECONDS = 3


def gateway_is_healthy() -> bool:
    url = f"http://127.0.0.1:{config.gateway_port()}/health"
    with urllib.request.urlopen(url, timeout=TIMEOUT_SECONDS) as response:
        return response.status == 200


def service_is_healthy(name: str) -> bool:
    from nameko.standalone.rpc import ClusterRpcProxy

    nameko_config = {"AMQP_URI": config.amqp_uri()}
    with (
        eventlet.Timeout(TIMEOUT_SECONDS + 2, TimeoutError("broker did not answer")),
        ClusterRpcProxy(nameko_config, timeout=TIMEOUT_SECONDS) as proxy,
    ):
        return getattr(proxy, name).ping() == "pong"


def main(name: str) -> int:
    try:
        healthy = gateway_is_healthy() if name == "gateway" else service_is_healthy(name)
    except Exception as error:
        print(f"{name}: unhealthy ({type(error).__name__}: {error})")
        return 1
    print(f"{name}: {'healthy' if healthy else 'unhealthy'}")
    return 0 if healthy else 1


if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in NAMES:
        sys.exit(f"usage: python -m deploy.healthcheck {{{','.join(NAMES)}}}")
    sys.exit(main(sys.argv[1]))
