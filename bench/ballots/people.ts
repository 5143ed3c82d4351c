import Papa from 'papaparse';

/** Someone talking to the server over HTTP, keeping their session cookie like a browser would. */
export class BenchPerson {
  readonly baseUrl: string;
  cookie = '';

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith('cg_session='));
    if (session) this.cookie = session.split(';')[0]!;
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  }

  /** Like `request`, but throws unless the answer has the expected status. */
  async expect<T>(status: number, method: string, path: string, body?: unknown): Promise<T> {
    const answer = await this.request<T>(method, path, body);
    if (answer.status !== status) {
      throw new Error(`${method} ${path}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    return answer.body;
  }
}

/** An outcome a benchmark round votes on. */
export interface BenchOutcome {
  id: string;
  label: string;
}

/** The partnership's first `count` outcomes, read from its framework spreadsheet (rounds vote only on real ones). */
async function firstOutcomes(person: BenchPerson, partnershipId: string, count: number): Promise<BenchOutcome[]> {
  const response = await fetch(`${person.baseUrl}/api/partnerships/${partnershipId}/framework.csv`, {
    headers: { cookie: person.cookie },
  });
  if (!response.ok) throw new Error(`framework.csv: ${response.status}`);
  const rows = Papa.parse<Record<string, string>>(await response.text(), { header: true, skipEmptyLines: true }).data;
  const outcomes = new Map(rows.map((row) => [row['Outcome id'] ?? '', row.Outcome ?? '']));
  outcomes.delete('');
  return [...outcomes].slice(0, count).map(([id, label]) => ({ id, label }));
}

/**
 * A partnership filled from the Common Outcomes Framework template, with `voters` voting members across
 * `organisations` agencies, made through the API.
 */
export async function buildBoard(
  baseUrl: string,
  admin: { email: string; password: string },
  voters: number,
  organisations: number,
): Promise<{ facilitator: BenchPerson; partnershipId: string; voters: BenchPerson[]; outcomes: BenchOutcome[] }> {
  const facilitator = new BenchPerson(baseUrl);
  await facilitator.expect(200, 'POST', '/api/auth/login', admin);
  const { id: partnershipId } = await facilitator.expect<{ id: string }>(201, 'POST', '/api/partnerships', {
    name: 'Benchmark Family Hubs',
    areaName: 'Benchmark',
    areaCode: 'E09000024',
    template: 'common-outcomes',
  });
  const people = await Promise.all(
    Array.from({ length: voters }, async (_, index) => {
      const organisation = `Agency ${(index % organisations) + 1}`;
      const { url } = await facilitator.expect<{ url: string }>(
        201,
        'POST',
        `/api/partnerships/${partnershipId}/invitations`,
        {
          role: 'editor',
          organisation,
          isVotingMember: true,
        },
      );
      const person = new BenchPerson(baseUrl);
      await person.expect(200, 'POST', `/api/invitations/${url.split('/invite/')[1]}/accept`, {
        email: `voter-${index + 1}@example.org`,
        displayName: `Voter ${index + 1}`,
        organisation,
        password: 'a long enough passphrase',
      });
      return person;
    }),
  );
  return { facilitator, partnershipId, voters: people, outcomes: await firstOutcomes(facilitator, partnershipId, 8) };
}
