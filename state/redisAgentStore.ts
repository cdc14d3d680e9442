import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { NONCE_TTL_MS, REVOKED_TTL_MS, type AgentStore, type PairingRules } from './agentStore';
import type { CodeParts, DeviceRecord, IssueResult, LastSeen, PairingOwner, RedeemResult, SeenCertificate } from './agentRecords';

/** A code stays answerable ("expired"/"used", HTTP 410) this long after it expires. */
const CODE_KEEP_MS = 3600_000;

/**
 * KEYS: code, paused. ARGV: userId, userName, conversationId, secret, expiresAt, keepMs.
 * Creates the pending code unless pairing is paused for the user or the handle is taken.
 */
const ISSUE = `
local pttl = redis.call('PTTL', KEYS[2])
if pttl > 0 then return {'paused', pttl} end
if redis.call('EXISTS', KEYS[1]) == 1 then return {'collision'} end
redis.call('HSET', KEYS[1], 'userId', ARGV[1], 'userName', ARGV[2], 'conversationId', ARGV[3], 'secret', ARGV[4], 'expiresAt', ARGV[5])
redis.call('PEXPIRE', KEYS[1], ARGV[6])
return {'issued'}
`;

/**
 * KEYS: code, wrong counter, paused (of the code's owner, read before). ARGV: userId, secret,
 * now, maxWrong, pauseMs. One use; a wrong secret counts against the owner; at maxWrong the
 * owner is paused and the code is burnt.
 */
const REDEEM = `
local h = redis.call('HMGET', KEYS[1], 'userId', 'secret', 'expiresAt', 'usedAt')
if not h[1] or h[1] ~= ARGV[1] then return 'unknown' end
if redis.call('EXISTS', KEYS[3]) == 1 then return 'paused' end
if h[4] then return 'used' end
if tonumber(h[3]) < tonumber(ARGV[3]) then return 'expired' end
if h[2] ~= ARGV[2] then
  local n = redis.call('INCR', KEYS[2])
  if n == 1 then redis.call('PEXPIRE', KEYS[2], ARGV[5]) end
  if n >= tonumber(ARGV[4]) then
    redis.call('SET', KEYS[3], '1', 'PX', ARGV[5])
    redis.call('DEL', KEYS[2])
    redis.call('HSET', KEYS[1], 'usedAt', ARGV[3])
  end
  return 'wrong'
end
redis.call('HSET', KEYS[1], 'usedAt', ARGV[3])
redis.call('DEL', KEYS[2])
return 'ok'
`;

/** Keys under `<REDIS_KEY_PREFIX>agent:`; see bot/agentLink/README.md. */
export class RedisAgentStore implements AgentStore {
  private readonly p: string;

  constructor(private readonly redis: Redis, keyPrefix: string, private readonly rules: PairingRules) {
    this.p = `${keyPrefix}agent:`;
  }

  async issueCode(owner: PairingOwner, parts: CodeParts, now: number): Promise<IssueResult | 'collision'> {
    const expiresAt = now + this.rules.codeTtlMs;
    const result = (await this.redis.eval(ISSUE, 2, this.codeKey(parts.handle), this.pausedKey(owner.userId),
      owner.userId, owner.userName, owner.conversationId, parts.secret, String(expiresAt), String(this.rules.codeTtlMs + CODE_KEEP_MS))) as [string, number?];
    if (result[0] === 'collision') return 'collision';
    if (result[0] === 'paused') return { kind: 'paused', until: new Date(now + Number(result[1])).toISOString() };
    return { kind: 'issued', code: `${parts.handle}-${parts.secret}`, expiresAt: new Date(expiresAt).toISOString() };
  }

  async redeemCode(parts: CodeParts, now: number): Promise<RedeemResult> {
    const code = this.codeKey(parts.handle);
    const owner = await this.redis.hmget(code, 'userId', 'userName', 'conversationId');
    const userId = owner[0];
    if (!userId) return { kind: 'unknown' };
    const outcome = (await this.redis.eval(REDEEM, 3, code, this.wrongKey(userId), this.pausedKey(userId),
      userId, parts.secret, String(now), String(this.rules.maxWrong), String(this.rules.pauseMs))) as string;
    if (outcome === 'ok') return { kind: 'ok', owner: { userId, userName: owner[1] ?? '', conversationId: owner[2] ?? '' } };
    return { kind: outcome as 'wrong' | 'unknown' | 'expired' | 'used' | 'paused' };
  }

  async pausedUntil(userId: string, now: number): Promise<number | null> {
    const pttl = await this.redis.pttl(this.pausedKey(userId));
    return pttl > 0 ? now + pttl : null;
  }

  async addDevice(device: DeviceRecord): Promise<void> {
    await this.redis.multi()
      .hset(this.deviceKey(device.deviceId), { ...device })
      .sadd(this.userKey(device.userId), device.deviceId)
      .exec();
  }

  async device(deviceId: string): Promise<DeviceRecord | null> {
    const hash = await this.redis.hgetall(this.deviceKey(deviceId));
    return hash.deviceId ? (hash as unknown as DeviceRecord) : null;
  }

  async devicesOf(userId: string): Promise<DeviceRecord[]> {
    const ids = await this.redis.smembers(this.userKey(userId));
    const devices = await Promise.all(ids.map((id) => this.device(id)));
    return devices.filter((d): d is DeviceRecord => d !== null).sort((a, b) => a.pairedAt.localeCompare(b.pairedAt));
  }

  async removeDevice(deviceId: string): Promise<boolean> {
    const device = await this.device(deviceId);
    if (!device) return false;
    const results = await this.redis.multi()
      .del(this.deviceKey(deviceId))
      .srem(this.userKey(device.userId), deviceId)
      .del(this.seenKey(deviceId))
      .set(this.revokedKey(deviceId), '1', 'PX', REVOKED_TTL_MS)
      .exec();
    return results?.[0]?.[1] === 1;
  }

  async isRevoked(deviceId: string): Promise<boolean> {
    return (await this.redis.exists(this.revokedKey(deviceId))) === 1;
  }

  async setLastSeen(deviceId: string, change: LastSeen): Promise<void> {
    const fields = Object.entries(change).filter(([, v]) => v !== undefined).flatMap(([k, v]) => [k, JSON.stringify(v)]);
    if (fields.length > 0 && (await this.redis.exists(this.deviceKey(deviceId))) === 1) await this.redis.hset(this.seenKey(deviceId), ...fields);
  }

  async lastSeen(deviceId: string): Promise<LastSeen> {
    const hash = await this.redis.hgetall(this.seenKey(deviceId));
    return Object.fromEntries(Object.entries(hash).map(([k, v]) => [k, JSON.parse(v) as unknown])) as LastSeen;
  }

  async rememberCertificate(userId: string, cert: SeenCertificate): Promise<void> {
    await this.redis.hset(this.certsKey(userId), cert.serialNumber, JSON.stringify(cert));
  }

  async certificates(userId: string): Promise<SeenCertificate[]> {
    return Object.values(await this.redis.hgetall(this.certsKey(userId))).map((v) => JSON.parse(v) as SeenCertificate);
  }

  async rememberNonce(deviceId: string, nonce: string): Promise<boolean> {
    return (await this.redis.set(`${this.p}nonce:${deviceId}:${nonce}`, '1', 'PX', NONCE_TTL_MS, 'NX')) === 'OK';
  }

  async tcknSalt(preferred: string | undefined): Promise<string> {
    const key = `${this.p}tcknSalt`;
    await this.redis.set(key, preferred ?? randomBytes(32).toString('hex'), 'NX');
    const stored = (await this.redis.get(key))!;
    return preferred ?? stored;
  }

  private codeKey(handle: string): string { return `${this.p}pair:code:${handle}`; }
  private wrongKey(userId: string): string { return `${this.p}pair:wrong:${userId}`; }
  private pausedKey(userId: string): string { return `${this.p}pair:paused:${userId}`; }
  private deviceKey(deviceId: string): string { return `${this.p}device:${deviceId}`; }
  private userKey(userId: string): string { return `${this.p}user:${userId}`; }
  private revokedKey(deviceId: string): string { return `${this.p}revoked:${deviceId}`; }
  private seenKey(deviceId: string): string { return `${this.p}seen:${deviceId}`; }
  private certsKey(userId: string): string { return `${this.p}certs:${userId}`; }
}
