import type { Page } from 'playwright-core';

/**
 * How fast a person goes through an application. The human pace is the bench's assumption of a
 * careful applicant on a phone; the e2e pace waits for nothing and fills text at once, as the
 * browser tests do, so what it takes is the platform's and the browser's own time.
 */
export type Pace = {
  name: string;
  /** Reading the guide before pressing 在线办理. */
  guideMs: number;
  /** Checking a field the platform filled in. */
  checkMs: number;
  /** Reading a field before typing into it. */
  readMs: number;
  /** Per character typed; 0 fills the text at once. */
  keyMs: number;
  /** Per option picked (a radio button, a check box, a row added). */
  choiceMs: number;
  /** Before pressing 下一步 or 提交. */
  stepMs: number;
  /** Finding a file on the phone and picking it. */
  uploadMs: number;
};

export const HUMAN: Pace = {
  name: 'human pace',
  guideMs: 20_000,
  checkMs: 2_000,
  readMs: 3_000,
  keyMs: 300,
  choiceMs: 3_000,
  stepMs: 2_000,
  uploadMs: 10_000,
};

export const E2E: Pace = {
  name: 'e2e pace (no waits)',
  guideMs: 0,
  checkMs: 0,
  readMs: 0,
  keyMs: 0,
  choiceMs: 0,
  stepMs: 0,
  uploadMs: 0,
};

/** The deliberate waits of a journey, added up, so the rest is what the platform and browser took. */
export class Clock {
  pausedMs = 0;
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  async pause(ms: number): Promise<void> {
    if (ms <= 0) return;
    this.pausedMs += ms;
    await this.page.waitForTimeout(ms);
  }
  /** Time spent between keys by pressSequentially (it waits itself). */
  typed(ms: number): void {
    this.pausedMs += ms;
  }
}
