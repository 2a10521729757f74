// What the e2e suites and the benchmark share: a static file server on
// 127.0.0.1 that serves wasm as application/wasm, as a publisher's host would,
// and Debian's Chromium driven by playwright-core (which never downloads one).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { test } from 'node:test';
import assert from 'node:assert/strict';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/**
 * Serves files on an ephemeral port of 127.0.0.1. `locate(path)` maps a URL
 * path to a file path, to a Buffer to send as it is, or to an async function
 * that writes the body in parts through the `write` it is given.
 * Returns { origin, close }.
 */
export async function serve(locate) {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    try {
      const target = await locate(path.endsWith('/') ? `${path}index.html` : path);
      if (typeof target === 'function') {
        // A page written in parts, as a streaming server sends it.
        response.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' });
        await target((chunk) => response.write(chunk));
        response.end();
        return;
      }
      const body = Buffer.isBuffer(target) ? target : await readFile(target);
      response.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/** Serves the directory `dir` at `/`. */
export const serveDir = (dir) => serve((path) => join(dir, path));

/** Headless Chromium, quiet on this machine's closed network. */
export function launchChromium(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', ...extraArgs],
  });
}

/**
 * Each [what, ok, detail] check as a named test of node:test, the one runner
 * of the e2e suites (`make e2e`; `--test-name-pattern` picks tests by name).
 */
export function report(checks) {
  for (const [what, ok, detail] of checks) {
    test(what, () => assert.ok(ok, String(detail ?? '')));
  }
}

/** The built folder the suites read: E2E_DIST, else the first argument, else dist/. */
export const DIST = process.env.E2E_DIST ?? process.argv[2] ?? 'dist';
