/** A person talking to a real server over HTTP, keeping their session cookie like a browser would. */
export class ApiClient {
  readonly baseUrl: string;
  cookie: string | null = null;
  bearer: string | null = null;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.bearer ? { authorization: `Bearer ${this.bearer}` } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const setCookie = response.headers.getSetCookie().find((cookie) => cookie.startsWith('cg_session='));
    if (setCookie) {
      const value = setCookie.split(';')[0]!;
      this.cookie = value === 'cg_session=' ? null : value;
    }
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  }

  /** Signs in; throws when the server refuses. */
  async signIn(email: string, password: string): Promise<void> {
    const { status, body } = await this.request('POST', '/api/auth/login', { email, password });
    if (status !== 200) throw new Error(`sign-in failed: ${status} ${JSON.stringify(body)}`);
  }

  /** Creates a personal API token for sockets in Node tests (`?token=`). */
  async createToken(name = 'test'): Promise<string> {
    const { status, body } = await this.request<{ token: string }>('POST', '/api/me/tokens', { name });
    if (status !== 201) throw new Error(`token creation failed: ${status} ${JSON.stringify(body)}`);
    return body.token;
  }
}

/** The administrator the test servers create from the environment. */
export const testAdmin = { email: 'admin@example.org', password: 'correct horse battery staple' };
export const testAdminEnv = { ADMIN_EMAIL: testAdmin.email, ADMIN_PASSWORD: testAdmin.password };
