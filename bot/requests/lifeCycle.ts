import type { Locale } from '../../cards/i18n';
import type { Policy, RequestStatus } from '../../domain/policy';

/** The request statuses of the policy file, looked up by id. */
export class LifeCycle {
  private readonly byId: Map<string, RequestStatus>;

  constructor(private readonly policy: Policy) {
    this.byId = new Map(policy.requestStatuses.statuses.map((status) => [status.id, status]));
  }

  get statuses(): RequestStatus[] {
    return this.policy.requestStatuses.statuses;
  }

  get withdrawTo(): string {
    return this.policy.requestStatuses.withdrawTo;
  }

  status(id: string): RequestStatus | undefined {
    return this.byId.get(id);
  }

  label(id: string, locale: Locale): string {
    return this.byId.get(id)?.[locale] ?? id;
  }

  isOpen(id: string): boolean {
    return !this.byId.get(id)?.closed;
  }

  mayFollow(from: string, to: string): boolean {
    return this.byId.get(from)?.next.includes(to) ?? false;
  }

  /** The first status: waiting for the wet-signed form when late (R2), for payment when the person pays (F1/F3). */
  initial(late: boolean, payer: 'person' | 'institution'): string {
    const { initial } = this.policy.requestStatuses;
    return late ? initial.late : payer === 'person' ? initial.personPays : initial.default;
  }
}
