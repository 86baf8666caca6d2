#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sets up the office's database server for several Sila Desk desks, on
# Debian 12, as root:
#   - installs PostgreSQL 15;
#   - creates (or reuses) a cluster with UTF-8 encoding and the C.UTF-8
#     locale (Arabic must be letters to the server; text sorts by code point,
#     as it does in the desks' own files);
#   - creates (or reuses) a login role for the app and a database it owns,
#     with PostgreSQL's checker (amcheck) enabled for `sila check`;
#   - lets the office's network in, with scram-sha-256 passwords only, over
#     TLS when the cluster has it (Debian's clusters do);
#   - prints the address (URI) to give the desks, and how each desk keeps
#     the password (~/.pgpass, never in Sila Desk's settings).
# Running it again changes nothing that is already right.
#
#   bash build-aux/setup-office-server.sh --subnet 192.168.1.0/24
#   bash build-aux/setup-office-server.sh --subnet 192.168.1.0/24 --dry-run
#
# Options:
#   --subnet CIDR       the office network allowed in (required), e.g. 192.168.1.0/24
#   --database NAME     the office's database (default: office)
#   --role NAME         the app's role (default: sila)
#   --cluster NAME      the PostgreSQL cluster (default: sila; made if missing)
#   --port N            the cluster's port (default: PostgreSQL chooses, from 5432 up)
#   --listen ADDRESSES  where the server listens (default: *)
#   --host NAME         the server's name in the printed URI (default: hostname -f)
#   --plain             also allow connections without TLS (not recommended)
#   --dry-run           print what would be done, do nothing
#   --no-install        do not install packages
#   --cluster-dir DIR   a cluster in DIR instead of Debian's (for tests: initdb/pg_ctl,
#                       sockets in DIR)
# The role's password: SILA_DB_PASSWORD if set, else a new random one, printed
# once. An existing role keeps its password.
set -euo pipefail

SUBNET=
DATABASE=office
ROLE=sila
CLUSTER=sila
PORT=
LISTEN='*'
HOST=
PLAIN=0
DRY_RUN=0
INSTALL=1
CLUSTER_DIR=
VERSION=15
BIN=/usr/lib/postgresql/$VERSION/bin
MARK='# sila-desk:'

die() { echo "setup-office-server: $*" >&2; exit 2; }
say() { echo "==> $*"; }

while [ $# -gt 0 ]; do
  case "$1" in
    --subnet) SUBNET=${2:?}; shift 2 ;;
    --database) DATABASE=${2:?}; shift 2 ;;
    --role) ROLE=${2:?}; shift 2 ;;
    --cluster) CLUSTER=${2:?}; shift 2 ;;
    --port) PORT=${2:?}; shift 2 ;;
    --listen) LISTEN=${2:?}; shift 2 ;;
    --host) HOST=${2:?}; shift 2 ;;
    --plain) PLAIN=1; shift ;;
    --dry-run) DRY_RUN=1; shift ;;
    --no-install) INSTALL=0; shift ;;
    --cluster-dir) CLUSTER_DIR=${2:?}; shift 2 ;;
    -h|--help) sed -n '3,37p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done

[ -n "$SUBNET" ] || die "say which network may connect, e.g. --subnet 192.168.1.0/24"
# The names go into SQL and into pg_hba.conf: plain names only.
[[ "$DATABASE" =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || die "bad database name: $DATABASE"
[[ "$ROLE" =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || die "bad role name: $ROLE"
[[ "$CLUSTER" =~ ^[a-z0-9_-]{1,40}$ ]] || die "bad cluster name: $CLUSTER"
[[ "$SUBNET" =~ ^[0-9a-fA-F:.]+/[0-9]{1,3}$ ]] || die "bad subnet: $SUBNET (write it as 192.168.1.0/24)"
[ -z "$PORT" ] || [[ "$PORT" =~ ^[0-9]{2,5}$ ]] || die "bad port: $PORT"
[[ "$LISTEN" =~ ^[0-9a-zA-Z:.,*\ -]+$ ]] || die "bad listen addresses: $LISTEN"

# Commands that change the machine go through run: printed with --dry-run.
run() {
  if [ "$DRY_RUN" = 1 ]; then
    printf '  would run:'; printf ' %q' "$@"; printf '\n'
  else
    "$@"
  fi
}

# The server's own account runs its tools (initdb refuses root).
if [ "$(id -u)" = 0 ]; then
  AS_OWNER=(runuser -u postgres --)
else
  AS_OWNER=()
  [ -n "$CLUSTER_DIR" ] || [ "$DRY_RUN" = 1 ] || die "run it as root"
fi

# 1. PostgreSQL 15
if [ "$INSTALL" = 1 ] && ! [ -x "$BIN/postgres" ]; then
  say "Installing PostgreSQL $VERSION"
  run env DEBIAN_FRONTEND=noninteractive apt-get install -y "postgresql-$VERSION" postgresql-client-$VERSION
fi

# 2. The cluster: its data folder, configuration, socket and port.
if [ -n "$CLUSTER_DIR" ]; then
  DATA=$CLUSTER_DIR/data
  CONF=$DATA
  SOCKET=$CLUSTER_DIR
  PORT=${PORT:-5432}
  if [ -f "$DATA/PG_VERSION" ]; then
    say "Reusing the cluster in $DATA"
  else
    say "Creating a cluster in $DATA (UTF-8, C.UTF-8)"
    run mkdir -p "$CLUSTER_DIR"
    [ "$(id -u)" != 0 ] || run chown postgres: "$CLUSTER_DIR"
    run chmod 700 "$CLUSTER_DIR"
    run "${AS_OWNER[@]}" "$BIN/initdb" --no-sync -E UTF8 --locale=C.UTF-8 \
      --auth-local=peer --auth-host=scram-sha-256 -D "$DATA" >/dev/null
  fi
  start_cluster() {
    if "${AS_OWNER[@]}" "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
      run "${AS_OWNER[@]}" "$BIN/pg_ctl" -D "$DATA" -s reload
    else
      run "${AS_OWNER[@]}" "$BIN/pg_ctl" -D "$DATA" -w -s -l "$CLUSTER_DIR/server.log" \
        -o "-k $SOCKET -p $PORT" start
    fi
  }
  restart_cluster() {
    if "${AS_OWNER[@]}" "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
      run "${AS_OWNER[@]}" "$BIN/pg_ctl" -D "$DATA" -w -s -m fast restart \
        -o "-k $SOCKET -p $PORT"
    else
      start_cluster
    fi
  }
else
  CONF=/etc/postgresql/$VERSION/$CLUSTER
  SOCKET=/var/run/postgresql
  if [ -f "$CONF/postgresql.conf" ]; then
    say "Reusing the cluster $VERSION/$CLUSTER"
    PORT=$(awk -F= '/^[[:space:]]*port[[:space:]]*=/ { gsub(/[^0-9]/, "", $2); print $2 }' \
           "$CONF/postgresql.conf" | tail -1)
  else
    say "Creating the cluster $VERSION/$CLUSTER (UTF-8, C.UTF-8)"
    run pg_createcluster "$VERSION" "$CLUSTER" --encoding=UTF8 --locale=C.UTF-8 \
      ${PORT:+--port="$PORT"} -- --auth-local=peer --auth-host=scram-sha-256
    if [ "$DRY_RUN" = 1 ]; then
      PORT=${PORT:-5432}
    else
      PORT=$(awk -F= '/^[[:space:]]*port[[:space:]]*=/ { gsub(/[^0-9]/, "", $2); print $2 }' \
             "$CONF/postgresql.conf" | tail -1)
    fi
  fi
  start_cluster() { run pg_ctlcluster "$VERSION" "$CLUSTER" start 2>/dev/null \
                      || run pg_ctlcluster "$VERSION" "$CLUSTER" reload; }
  restart_cluster() { run pg_ctlcluster "$VERSION" "$CLUSTER" restart; }
fi

psql_admin() {
  # psql as the server's superuser, on its socket; stops at the first error.
  "${AS_OWNER[@]}" "$BIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 -h "$SOCKET" -p "$PORT" "$@"
}

# 3. Where it listens, who may come in, and how.
CHANGED_LISTEN=0
if ! grep -Fxq "listen_addresses = '$LISTEN' $MARK listen" "$CONF/postgresql.conf" 2>/dev/null; then
  say "Listening on: $LISTEN"
  if [ "$DRY_RUN" = 1 ]; then
    echo "  would set in $CONF/postgresql.conf: listen_addresses = '$LISTEN'"
    echo "  would set in $CONF/postgresql.conf: password_encryption = scram-sha-256"
  else
    sed -i "/ $MARK listen\$/d; / $MARK password\$/d" "$CONF/postgresql.conf"
    {
      echo "listen_addresses = '$LISTEN' $MARK listen"
      echo "password_encryption = scram-sha-256 $MARK password"
    } >> "$CONF/postgresql.conf"
  fi
  CHANGED_LISTEN=1
fi

SSL=off
if grep -Eq "^[[:space:]]*ssl[[:space:]]*=[[:space:]]*'?on" "$CONF/postgresql.conf" 2>/dev/null; then
  SSL=on
elif [ "$DRY_RUN" = 1 ] && [ -z "$CLUSTER_DIR" ] && ! [ -f "$CONF/postgresql.conf" ] &&
     [ -f /etc/ssl/certs/ssl-cert-snakeoil.pem ]; then
  SSL=on   # pg_createcluster turns TLS on with the machine's own certificate
fi
KIND=hostssl
if [ "$SSL" = off ] || [ "$PLAIN" = 1 ]; then
  KIND=host
fi
HBA_LINE=$(printf '%-8s %-16s %-16s %-20s scram-sha-256 %s office LAN' \
                  "$KIND" "$DATABASE" "$ROLE" "$SUBNET" "$MARK")
HBA=$CONF/pg_hba.conf
if grep -Fxq "$HBA_LINE" "$HBA" 2>/dev/null; then
  say "The office network $SUBNET may already connect"
else
  say "Letting the office network $SUBNET connect ($KIND, scram-sha-256)"
  if [ "$DRY_RUN" = 1 ]; then
    echo "  would add to $HBA: $HBA_LINE"
  else
    # Ours replaces ours (another subnet, another run); nothing else is touched.
    grep -Fv " $MARK office LAN" "$HBA" > "$HBA.sila-new" || true
    echo "$HBA_LINE" >> "$HBA.sila-new"
    chmod --reference="$HBA" "$HBA.sila-new"
    chown --reference="$HBA" "$HBA.sila-new"
    mv "$HBA.sila-new" "$HBA"
  fi
fi

if [ "$CHANGED_LISTEN" = 1 ]; then
  restart_cluster
else
  start_cluster
fi

# The cluster must be UTF-8: search and Arabic text depend on it.
if [ "$DRY_RUN" = 0 ]; then
  ENCODING=$(psql_admin -d postgres -c "SHOW server_encoding")
  CTYPE=$(psql_admin -d template1 -c "SELECT datctype FROM pg_database WHERE datname = 'template1'")
  case "$ENCODING/$CTYPE" in
    UTF8/*.UTF-8|UTF8/*.utf8) ;;
    *) die "the cluster's encoding is $ENCODING and its ctype $CTYPE: Sila Desk needs UTF8 \
with a UTF-8 locale (C.UTF-8). Make a new cluster with --cluster NAME." ;;
  esac
fi

# 4. The app's role and the office's database.
NEW_PASSWORD=
if [ "$DRY_RUN" = 1 ]; then
  echo "  would create the role $ROLE (LOGIN, scram-sha-256 password) unless it exists"
  echo "  would create the database $DATABASE owned by $ROLE (UTF8, C.UTF-8) unless it exists"
  echo "  would enable amcheck in $DATABASE and let $ROLE run its checks"
else
  if [ "$(psql_admin -d postgres -c "SELECT count(*) FROM pg_roles WHERE rolname = '$ROLE'")" = 0 ]; then
    say "Creating the role $ROLE"
    NEW_PASSWORD=${SILA_DB_PASSWORD:-$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')}
    # The password reaches psql through its environment, never its command line.
    SILA_DB_PASSWORD=$NEW_PASSWORD psql_admin -d postgres <<EOF
\getenv pw SILA_DB_PASSWORD
SET password_encryption = 'scram-sha-256';
CREATE ROLE $ROLE LOGIN PASSWORD :'pw';
EOF
  else
    say "Reusing the role $ROLE (its password is unchanged)"
  fi

  if [ "$(psql_admin -d postgres -c "SELECT count(*) FROM pg_database WHERE datname = '$DATABASE'")" = 0 ]; then
    say "Creating the database $DATABASE, owned by $ROLE"
    psql_admin -d postgres -c "CREATE DATABASE $DATABASE OWNER $ROLE ENCODING 'UTF8' \
      LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0"
  else
    say "Reusing the database $DATABASE"
  fi
  psql_admin -d "$DATABASE" <<EOF
REVOKE CONNECT ON DATABASE $DATABASE FROM PUBLIC;
GRANT CONNECT ON DATABASE $DATABASE TO $ROLE;
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS amcheck;
GRANT EXECUTE ON FUNCTION bt_index_check(regclass, boolean) TO $ROLE;
GRANT EXECUTE ON FUNCTION verify_heapam(regclass, boolean, boolean, text, bigint, bigint) TO $ROLE;
EOF
fi

# 5. What to give the desks.
HOST=${HOST:-$(hostname -f 2>/dev/null || hostname)}
if [ "$KIND" = hostssl ]; then
  URI="postgresql://$ROLE@$HOST:$PORT/$DATABASE?sslmode=require"
else
  URI="postgresql://$ROLE@$HOST:$PORT/$DATABASE"
fi
echo
echo "The desks' address (give it to each desk; it holds no password):"
echo "  $URI"
echo
echo "On each desk, as the person who uses Sila Desk, keep the password in ~/.pgpass:"
echo "  echo '$HOST:$PORT:$DATABASE:$ROLE:PASSWORD' >> ~/.pgpass && chmod 600 ~/.pgpass"
if [ -n "$NEW_PASSWORD" ]; then
  echo "The role's password (shown once; keep it somewhere safe): $NEW_PASSWORD"
fi
echo
echo "Then, once, from the desk that has the office's file:"
echo "  sila --database FILE db copy-to '$URI'"
if [ "$KIND" = host ]; then
  echo
  echo "TLS is not in use: on an office network, turn it on (ssl = on with a certificate in"
  echo "postgresql.conf), then run this again (without --plain), so that passwords and files"
  echo "do not cross the network in the clear."
else
  echo
  echo "TLS: the cluster uses its own certificate. To let the desks check it is the real"
  echo "server, install a certificate for $HOST and use sslmode=verify-full."
fi
