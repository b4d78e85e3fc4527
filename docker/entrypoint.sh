#!/bin/sh
# Migrations run inside the server at start-up (each in its own transaction, so two replicas
# starting together serialise on TypeORM's migrations table); then it serves.
set -e
exec node dist/apps/api/src/main.js
