import { createDb, type Db } from '@atelier/db';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.ts';
import { isLoopback, metricsAccess } from '../src/http.ts';
import { PortInUseError, startRealtimeServer, type RealtimeServer } from '../src/server.ts';

const log = pino({ level: 'silent' });

describe('realtime HTTP endpoints', () => {
  let db: Db;
  let server: RealtimeServer;
  beforeAll(async () => {
    db = await createDb({ dataDir: 'memory', env: {} });
    server = await startRealtimeServer({ db, log, port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  it('answers /healthz and /readyz once the database is reachable, with a request id', async () => {
    const health = await fetch(`http://127.0.0.1:${server.port}/healthz`);
    expect(health.status).toBe(200);
    expect(health.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const ready = await fetch(`http://127.0.0.1:${server.port}/readyz`);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'ok' });
  });

  it('names the port and the variable when the port is taken', async () => {
    await expect(startRealtimeServer({ db, log, port: server.port, host: '127.0.0.1' })).rejects.toThrow(
      PortInUseError,
    );
    await expect(startRealtimeServer({ db, log, port: server.port, host: '127.0.0.1' })).rejects.toThrow(
      /Port \d+ is already in use; set REALTIME_PORT/,
    );
  });
});

describe('realtime configuration', () => {
  it('uses port 3001 by default', () => {
    expect(readConfig({}).REALTIME_PORT).toBe(3001);
  });

  it('refuses a bad value, naming the variable and the accepted form', () => {
    expect(() => readConfig({ REALTIME_PORT: 'abc' })).toThrow(/REALTIME_PORT="abc": expected a port number/);
    expect(() => readConfig({ REDIS_URL: 'localhost:6379' })).toThrow(/REDIS_URL=.*redis:\/\/host:6379/);
  });

  it('reads the allowed origins as a list of origins, unset meaning any', () => {
    expect(readConfig({}).REALTIME_ALLOWED_ORIGINS).toBeUndefined();
    expect(
      readConfig({ REALTIME_ALLOWED_ORIGINS: 'http://localhost:3000, https://atelier.example/' })
        .REALTIME_ALLOWED_ORIGINS,
    ).toEqual(['http://localhost:3000', 'https://atelier.example']);
    expect(() => readConfig({ REALTIME_ALLOWED_ORIGINS: 'localhost:3000' })).toThrow(
      /REALTIME_ALLOWED_ORIGINS/,
    );
    expect(() => readConfig({ REALTIME_METRICS_TOKEN: 'short' })).toThrow(/REALTIME_METRICS_TOKEN/);
  });
});

describe('/metrics access rule', () => {
  it('counts IPv4, IPv6 and IPv4-mapped loopback addresses as loopback, nothing else', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1'])
      expect(isLoopback(address)).toBe(true);
    for (const address of ['192.0.2.2', '::ffff:192.0.2.2', 'fd00::2', undefined])
      expect(isLoopback(address)).toBe(false);
  });

  it('answers 403 off loopback without a token, 401 without the right bearer token when one is set', () => {
    const token = 'metrics-token-0123456789abcdef';
    expect(metricsAccess({ token: undefined, authorization: undefined, remoteAddress: '::1' })).toBe(
      'allowed',
    );
    expect(
      metricsAccess({ token: undefined, authorization: `Bearer ${token}`, remoteAddress: '192.0.2.2' }),
    ).toBe(403);
    expect(metricsAccess({ token, authorization: undefined, remoteAddress: '127.0.0.1' })).toBe(401);
    expect(metricsAccess({ token, authorization: `Bearer ${token}x`, remoteAddress: '127.0.0.1' })).toBe(401);
    expect(metricsAccess({ token, authorization: `bearer ${token}`, remoteAddress: '192.0.2.2' })).toBe(
      'allowed',
    );
  });
});
