# tcpfleet-agent as one bundled file. Build from the repository root: docker build -f docker/agent.Dockerfile .
FROM node:20-bookworm-slim AS build
WORKDIR /src
RUN npm install --global --no-fund --no-audit pnpm@10.34.9
COPY . .
RUN pnpm install --frozen-lockfile && pnpm run build && node apps/agent/scripts/bundle.mjs

FROM node:20-bookworm-slim
WORKDIR /app
COPY --from=build /src/apps/agent/dist/tcpfleet-agent.cjs ./tcpfleet-agent.cjs
ENV TCPFLEET_STATE_DIR=/var/lib/tcpfleet-agent
VOLUME /var/lib/tcpfleet-agent
ENTRYPOINT ["node", "/app/tcpfleet-agent.cjs"]
CMD ["run"]
