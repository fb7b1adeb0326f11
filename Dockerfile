# edaran's image: one image, two commands (worker, API). Node 20 slim, production dependencies only; TypeScript
# runs through tsx (a production dependency), so there is no build step and the worker bundles the workflows
# from source at start (set EDARAN_WORKFLOW_BUNDLE to a prebuilt bundle to skip that).

FROM node:20-bookworm-slim AS deps
WORKDIR /app
# better-sqlite3 normally downloads a prebuilt binary; the toolchain is the fallback when none matches.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    EDARAN_DATA_DIR=/var/lib/edaran \
    EDARAN_HTTP_HOST=0.0.0.0
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.json ./
COPY bin ./bin
COPY domain ./domain
COPY workflows ./workflows
COPY activities ./activities
COPY client ./client
COPY worker ./worker
COPY deploy ./deploy
# scripts/: dev-server helpers that some CLI commands import (simulate); small, keeps every command working.
COPY scripts ./scripts
COPY examples ./examples
RUN mkdir -p /var/lib/edaran && chown node:node /var/lib/edaran
USER node
# Worker by default; the api service runs deploy/api-main.ts instead.
CMD ["node", "--import", "tsx", "deploy/worker-main.ts"]
