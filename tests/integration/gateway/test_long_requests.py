"""A long query is answered by the API (naming the argument), not by a bare 414."""

import uuid


def test_too_many_ids_in_a_query_is_a_validation_problem(gateway):
    ids = [str(uuid.uuid4()) for _ in range(300)]  # about 14 KiB of query string
    response = gateway.as_operator("GET", "/v1/availability", params={
        "member_ids": ids, "from_week": "2027-W01", "to_week": "2027-W02"})
    assert response.status_code == 422, response.text[:200]
    assert [error["field"] for error in response.json()["errors"]] == ["member_ids"]
