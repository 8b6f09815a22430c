"""Which address a request comes from, behind TRUSTED_PROXY_HOPS reverse proxies: the
address every per-IP rate limit counts (anonymous calls, website form posts)."""

from types import SimpleNamespace

import pytest
from werkzeug.routing import Map, Rule
from werkzeug.test import Client
from werkzeug.wrappers import Response

from gateway.requests import client_address, client_scheme, rate_limit_address
from gateway.server import GatewayWebServer, GatewayWsgiApp
from infra import config

PEER = "10.0.0.2"  # the load balancer, as the gateway's socket sees it


def test_without_trusted_proxies_the_header_is_ignored():
    assert client_address(PEER, "203.0.113.7", trusted_hops=0) == PEER


def test_one_proxy_means_the_rightmost_entry_the_one_it_appended():
    assert client_address(PEER, "203.0.113.7", trusted_hops=1) == "203.0.113.7"
    assert client_address(PEER, "198.51.100.1, 203.0.113.7", trusted_hops=1) == "203.0.113.7"


@pytest.mark.parametrize("forged", ["6.6.6.6", "6.6.6.6, 7.7.7.7", "unknown", "",
                                    '"6.6.6.6', '"6.6.6.6, 7.7.7.7"', "6.6.6.6,,"])
def test_whatever_the_client_writes_left_of_the_proxies_entries_changes_nothing(forged):
    assert client_address(PEER, f"{forged}, 203.0.113.7", trusted_hops=1) == "203.0.113.7"
    assert client_address(PEER, f"{forged}, 203.0.113.7, 10.0.0.9",
                          trusted_hops=2) == "203.0.113.7"


def test_fewer_entries_than_proxies_fall_back_to_the_peer():
    """The request did not come through every proxy (or one did not append)."""
    assert client_address(PEER, "203.0.113.7", trusted_hops=2) == PEER
    assert client_address(PEER, None, trusted_hops=1) == PEER
    assert client_address(PEER, "", trusted_hops=1) == PEER


@pytest.mark.parametrize("header", ["unknown", "203.0.113.7:4711", "[2001:db8::1]", "a b",
                                   "203.0.113.7,", "999.1.1.1", "203.0.113.7 203.0.113.8"])
def test_a_malformed_entry_where_the_client_should_be_falls_back_to_the_peer(header):
    assert client_address(PEER, header, trusted_hops=1) == PEER


def test_addresses_are_written_one_way_so_one_client_has_one_bucket():
    assert client_address(PEER, " 2001:DB8:0::1 ", trusted_hops=1) == "2001:db8::1"
    assert client_address(PEER, "::ffff:203.0.113.7", trusted_hops=1) == "203.0.113.7"


@pytest.mark.parametrize(("given", "hops"), [(None, 0), ("", 0), ("0", 0), (" 2 ", 2), (1, 1)])
def test_trusted_proxy_hops_is_a_whole_number_zero_by_default(given, hops):
    assert config.trusted_proxy_hops(given) == hops


@pytest.mark.parametrize("given", ["-1", "one", "1.5", "1e2", "²", True, 1.5])
def test_anything_else_is_refused_with_the_setting_named(given):
    with pytest.raises(ValueError, match="TRUSTED_PROXY_HOPS must be a whole number"):
        config.trusted_proxy_hops(given)


def test_the_environment_is_read_when_the_nameko_config_says_nothing(monkeypatch):
    monkeypatch.setenv("TRUSTED_PROXY_HOPS", "1")
    assert config.trusted_proxy_hops() == 1
    assert config.trusted_proxy_hops(0) == 0  # the nameko config wins, even with 0
    monkeypatch.delenv("TRUSTED_PROXY_HOPS")
    assert config.trusted_proxy_hops() == 0


def test_a_gateway_with_a_wrong_setting_does_not_start():
    server = GatewayWebServer()
    server.container = SimpleNamespace(config={"TRUSTED_PROXY_HOPS": "-1"})
    with pytest.raises(ValueError, match="TRUSTED_PROXY_HOPS"):
        server.setup()


class _Echo:
    """A route that answers with the address the gateway resolved and the peer it kept."""

    def handle_request(self, request):
        return Response(f"{request.remote_addr} {request.environ['gateway.peer_address']} "
                        f"{request.scheme}")


def _wsgi_app(hops: int) -> Client:
    server = SimpleNamespace(container=SimpleNamespace(config={"CORS_ALLOWED_ORIGINS": []}),
                             trusted_proxy_hops=hops,
                             make_url_map=lambda: Map([Rule("/", endpoint=_Echo())]))
    return Client(GatewayWsgiApp(server))


def test_every_route_sees_the_resolved_address_and_the_peer_is_kept():
    headers = [("X-Forwarded-For", "6.6.6.6"), ("X-Forwarded-For", "203.0.113.7")]
    environ = {"REMOTE_ADDR": PEER}
    behind_one = _wsgi_app(1).get("/", headers=headers, environ_base=environ)
    assert behind_one.text == f"203.0.113.7 {PEER} http"
    direct = _wsgi_app(0).get("/", headers=headers, environ_base=environ)
    assert direct.text == f"{PEER} {PEER} http"


# --- the scheme the client used (X-Forwarded-Proto) -------------------------------------


def test_behind_a_load_balancer_ending_tls_the_client_used_https():
    assert client_scheme("http", "https", trusted_hops=1) == "https"
    assert client_scheme("http", "HTTPS ", trusted_hops=1) == "https"
    assert client_scheme("http", "https, http", trusted_hops=2) == "https"


@pytest.mark.parametrize(("forwarded", "hops"), [
    ("https", 0),  # no proxy trusted: the client wrote it
    ("https", 2),  # fewer entries than proxies
    (None, 1), ("", 1), ("ftp", 1), ("javascript", 1),
])
def test_otherwise_the_connections_own_scheme(forwarded, hops):
    assert client_scheme("http", forwarded, trusted_hops=hops) == "http"


def test_what_the_client_writes_left_of_the_proxies_entry_changes_nothing():
    assert client_scheme("http", "https, http", trusted_hops=1) == "http"


def test_every_route_sees_the_scheme_the_client_used():
    environ = {"REMOTE_ADDR": PEER}
    headers = [("X-Forwarded-For", "203.0.113.7"), ("X-Forwarded-Proto", "https")]
    behind_one = _wsgi_app(1).get("/", headers=headers, environ_base=environ)
    assert behind_one.text == f"203.0.113.7 {PEER} https"
    direct = _wsgi_app(0).get("/", headers=headers, environ_base=environ)
    assert direct.text == f"{PEER} {PEER} http"


# --- whom a per-IP rate limit counts ---------------------------------------------------


def test_an_ipv6_client_is_counted_by_its_slash_64_network():
    """A subscriber gets a whole /64: each address in it is the same visitor."""
    one, other = "2001:db8:1:2::1", "2001:db8:1:2:ffff:ffff:ffff:fffe"
    assert rate_limit_address(one) == rate_limit_address(other) == "2001:db8:1:2::/64"
    assert rate_limit_address("2001:db8:1:3::1") != rate_limit_address(one)


def test_an_ipv4_client_is_counted_by_its_own_address():
    assert rate_limit_address("203.0.113.7") == "203.0.113.7"
    assert rate_limit_address("203.0.113.8") != rate_limit_address("203.0.113.7")


@pytest.mark.parametrize("address", ["", None, "unix-socket"])
def test_an_address_that_is_no_ip_address_is_counted_as_it_is(address):
    assert rate_limit_address(address) == (address or "")
