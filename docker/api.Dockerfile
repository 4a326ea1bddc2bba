# The tcpfleet API. Build from the repository root: docker build -f docker/api.Dockerfile .
FROM node:20-bookworm-slim AS build
WORKDIR /src
RUN npm install --global --no-fund --no-audit pnpm@10.34.9
COPY . .
RUN pnpm install --frozen-lockfile \
 && pnpm run build \
 && pnpm --filter @tcpfleet/api deploy --legacy --prod /out

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=8080
WORKDIR /app
COPY --from=build /out ./
COPY --from=build /src/apps/dashboard/dist /dashboard/dist
USER node
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/main.js", "serve"]
