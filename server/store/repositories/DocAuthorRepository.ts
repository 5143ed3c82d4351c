import type { SqlContext } from '../Store.ts';

/**
 * Who wrote a document's items, by Yjs client id: the first signed-in connection that brought a client id's new
 * items is recorded as its author, and never replaced (a later relay of the same items is not authorship).
 */
export interface DocAuthorRepository {
  /** Records `userId` as the author of `clientId` in `docName`, unless that client id already has one. */
  record(docName: string, clientId: number, userId: string): Promise<void>;
  /** Every known author of the document: client id → user id. */
  authorsOf(docName: string): Promise<Map<number, string>>;
}

export function createDocAuthorRepository({ db }: SqlContext): DocAuthorRepository {
  return {
    async record(docName, clientId, userId) {
      await db
        .insertInto('doc_authors')
        .values({ doc_name: docName, client_id: clientId, user_id: userId })
        .onConflict((conflict) => conflict.columns(['doc_name', 'client_id']).doNothing())
        .execute();
    },
    async authorsOf(docName) {
      const rows = await db
        .selectFrom('doc_authors')
        .select(['client_id', 'user_id'])
        .where('doc_name', '=', docName)
        .execute();
      return new Map(rows.map((row) => [Number(row.client_id), row.user_id]));
    },
  };
}
