# One image for api and runner: `lastmile serve --no-runner` / `--no-api`.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
# The speech scenario's real recognizer and the audio tools the asr kind uses.
RUN apt-get update && apt-get install -y --no-install-recommends pocketsphinx pocketsphinx-en-us sox espeak-ng curl \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
USER node
EXPOSE 3000
ENTRYPOINT ["node", "bin/lastmile.js"]
CMD ["serve"]
