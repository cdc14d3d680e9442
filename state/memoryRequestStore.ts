import {
  NUMBER_PLACEHOLDER, dayNumber, formatNumber, type OpenFilter, type OpenPage, type RenewalRequest, type RequestStore,
} from './requestStore';

/** The request store for one instance without Redis; records are copied in and out like a real store. */
export class MemoryRequestStore implements RequestStore {
  private readonly records = new Map<string, string>();
  private readonly open = new Set<string>();
  private readonly openByUser = new Map<string, string>();
  private readonly counters = new Map<number, number>();
  private readonly leases = new Map<string, number>();
  private readonly tokens = new Map<string, { number: string; until: number }>();

  async create(draft: RenewalRequest, numberPrefix: string, year: number): Promise<{ request: RenewalRequest; created: boolean }> {
    const existing = this.openByUser.get(draft.requester.userId);
    if (existing) return { request: this.read(existing)!, created: false };
    const counter = (this.counters.get(year) ?? 0) + 1;
    this.counters.set(year, counter);
    const number = formatNumber(numberPrefix, year, counter);
    const request = JSON.parse(JSON.stringify(draft).replaceAll(NUMBER_PLACEHOLDER, number)) as RenewalRequest;
    this.write(request, true);
    return { request, created: true };
  }

  async get(number: string): Promise<RenewalRequest | undefined> {
    return this.read(number);
  }

  async replace(next: RenewalRequest, isOpen: boolean): Promise<boolean> {
    const current = this.read(next.number);
    if (!current || current.version !== next.version - 1) return false;
    this.write(next, isOpen);
    return true;
  }

  async openFor(userId: string): Promise<RenewalRequest | undefined> {
    const number = this.openByUser.get(userId);
    return number ? this.read(number) : undefined;
  }

  async forUser(userId: string, limit: number): Promise<RenewalRequest[]> {
    return this.all().filter((request) => request.requester.userId === userId).slice(0, limit);
  }

  async listOpen(filter: OpenFilter, limit?: number): Promise<OpenPage> {
    const matching = this.all().filter((request) => this.open.has(request.number)
      && (!filter.status || request.status === filter.status)
      && (!filter.dueBefore || (request.dueAt !== undefined && Date.parse(request.dueAt) <= filter.dueBefore.getTime()))
      && (!filter.expiryFrom || (request.expiry !== undefined && dayNumber(request.expiry) >= dayNumber(filter.expiryFrom)))
      && (!filter.expiryTo || (request.expiry !== undefined && dayNumber(request.expiry) <= dayNumber(filter.expiryTo))));
    return { total: matching.length, requests: limit === undefined ? matching : matching.slice(0, limit) };
  }

  async takeDue(now: Date, leaseMs: number, batch: number): Promise<string[]> {
    // Earliest reminder first, as the Redis twin's `due` index hands them out.
    const due = [...this.open].map((number) => ({ number, dueAt: this.read(number)?.dueAt }))
      .filter(({ number, dueAt }) => dueAt !== undefined && Date.parse(dueAt) <= now.getTime() && (this.leases.get(number) ?? 0) <= now.getTime())
      .sort((a, b) => Date.parse(a.dueAt!) - Date.parse(b.dueAt!))
      .slice(0, batch).map(({ number }) => number);
    for (const number of due) this.leases.set(number, now.getTime() + leaseMs);
    return due;
  }

  async saveToken(token: string, number: string, expiresAt: Date): Promise<void> {
    this.tokens.set(token, { number, until: expiresAt.getTime() });
  }

  async numberForToken(token: string, now: Date): Promise<string | undefined> {
    const entry = this.tokens.get(token);
    return entry && entry.until > now.getTime() ? entry.number : undefined;
  }

  private read(number: string): RenewalRequest | undefined {
    const json = this.records.get(number);
    return json ? (JSON.parse(json) as RenewalRequest) : undefined;
  }

  private write(request: RenewalRequest, isOpen: boolean): void {
    this.records.set(request.number, JSON.stringify(request));
    this.leases.delete(request.number);
    if (isOpen) {
      this.open.add(request.number);
      this.openByUser.set(request.requester.userId, request.number);
    } else {
      this.open.delete(request.number);
      if (this.openByUser.get(request.requester.userId) === request.number) this.openByUser.delete(request.requester.userId);
    }
  }

  /** Newest first. */
  private all(): RenewalRequest[] {
    return [...this.records.keys()].reverse().map((number) => this.read(number)!);
  }
}
