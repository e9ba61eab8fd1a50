# Build stage: all dependencies, compile TypeScript to dist/.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
# Scripts off: `prepare` would build before the sources are here; the build runs below.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN npm run build

# Runtime: production dependencies and the compiled code only (no TypeScript, no tsx).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json .npmrc ./
COPY bin ./bin
COPY scripts/build.mjs ./scripts/build.mjs
COPY --from=build /app/dist ./dist
# `prepare` finds dist/ built and no compiler, and leaves it as it is.
RUN npm ci --omit=dev --no-audit --no-fund
# The data volume mounts here: created and owned by node, so a fresh named volume takes that owner
# (an image without the folder gives a root-owned volume the node user cannot write).
RUN mkdir -p /data && chown node:node /data
ENV MINUTES_DATA_DIR=/data
# glibc keeps freed memory of threads' malloc arenas (PGlite's WASM compile, parse threads) unless
# its trim threshold is fixed: ~60 MB of an idle process's RSS. Read at process start, so set here
# (and in `npm start`), not in the app's config; see .env.example.
ENV MALLOC_TRIM_THRESHOLD_=131072
# With the default heap limit (a quarter of the host's memory, up to 4 GB) V8 lets garbage grow to ~4× the
# live heap before a full collection: ten 400-page plans took the bot + workers process to ~540 MB RSS,
# 330 MB with this limit (live heap stays < 200 MB). NODE_OPTIONS, so `serve` and `worker` get it too.
ENV NODE_OPTIONS=--max-old-space-size=1024
USER node
EXPOSE 3978
CMD ["node", "dist/cli/main.js", "start"]
