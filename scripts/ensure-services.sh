#!/usr/bin/env bash
# Makes sure Redis (127.0.0.1:6379) and PostgreSQL (127.0.0.1:5432) answer, starting them when down.
# Used by .ci/run and by the test suite's global setup, so `npm test` works on a fresh machine.
set -uo pipefail

redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; }
pg_up() { pg_isready -h 127.0.0.1 -p 5432 -q >/dev/null 2>&1; }

if ! redis_up; then
  if ! command -v redis-server >/dev/null; then
    echo "ensure-services: installing redis-server" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server) >&2 || true
  fi
  if command -v redis-server >/dev/null; then
    redis-server --daemonize yes --port 6379 --bind 127.0.0.1 --save "" --appendonly no >/dev/null
    for _ in $(seq 1 50); do redis_up && break; sleep 0.1; done
  fi
fi

if ! pg_up; then
  if [ -d /etc/postgresql ] && command -v pg_ctlcluster >/dev/null; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start >&2 || true
    for _ in $(seq 1 100); do pg_up && break; sleep 0.1; done
  fi
fi

ok=0
redis_up || { echo "ensure-services: Redis does not answer on 127.0.0.1:6379 (apt-get install redis-server)" >&2; ok=1; }
pg_up || { echo "ensure-services: PostgreSQL does not answer on 127.0.0.1:5432 (apt-get install postgresql)" >&2; ok=1; }
exit $ok
