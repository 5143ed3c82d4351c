import { expect, type Page } from '@playwright/test';

/** The evidence screens of one partnership: importing data and reading a metric's evidence. */
export class EvidencePages {
  readonly page: Page;
  readonly partnershipId: string;

  constructor(page: Page, partnershipId: string) {
    this.page = page;
    this.partnershipId = partnershipId;
  }

  async openImport(): Promise<void> {
    await this.page.goto(`/p/${this.partnershipId}/evidence/import`);
    await expect(this.page.getByRole('heading', { name: 'Import data', level: 1 })).toBeVisible();
  }

  /** Chooses a Fingertips export and imports it; resolves when the report or the problems are shown. */
  async importFingertips(fileName: string, csv: string): Promise<void> {
    await this.page
      .getByRole('group', { name: 'OHID Fingertips export' })
      .or(this.page.locator('form[aria-labelledby="fingertips-title"]'))
      .first()
      .getByLabel('File')
      .setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await this.page.getByRole('button', { name: 'Import Fingertips export' }).click();
    await expect(this.page.getByTestId('import-report').or(this.page.getByTestId('import-problems'))).toBeVisible();
  }

  report() {
    return this.page.getByTestId('import-report');
  }

  async openEvidence(): Promise<void> {
    await this.page.goto(`/p/${this.partnershipId}/evidence`);
    await expect(this.page.getByRole('heading', { name: 'Evidence', level: 1 })).toBeVisible();
  }

  async openMetric(name: string): Promise<void> {
    await this.openEvidence();
    await this.page.getByRole('link', { name }).click();
    await expect(this.page.getByRole('heading', { name, level: 1 })).toBeVisible();
  }

  statement() {
    return this.page.getByTestId('evidence-statement');
  }
}

/** The data mapping grid and the data development agenda. */
export class DataMappingPage {
  readonly page: Page;
  readonly partnershipId: string;

  constructor(page: Page, partnershipId: string) {
    this.page = page;
    this.partnershipId = partnershipId;
  }

  async open(): Promise<void> {
    await this.page.goto(`/p/${this.partnershipId}/data-mapping`);
    await expect(this.page.getByRole('heading', { name: 'Data mapping', level: 1 })).toBeVisible();
    await expect(this.page.getByTestId('overall-availability')).toBeVisible();
  }

  async openAgenda(): Promise<void> {
    await this.page.goto(`/p/${this.partnershipId}/data-mapping/agenda`);
    await expect(this.page.getByRole('heading', { name: 'Data development agenda', level: 1 })).toBeVisible();
  }

  status(metricName: string) {
    return this.page.getByLabel(`Status of ${metricName}`, { exact: true });
  }

  owner(metricName: string) {
    return this.page.getByLabel(`Data owner of ${metricName}`, { exact: true });
  }

  reason(metricName: string) {
    return this.page.getByLabel(`Why, for ${metricName}`, { exact: true });
  }
}
