/**
 * `npm run bench` is a list of sections, each measuring one thing: it runs them in order, prints their tables
 * (Markdown, for the README) and writes their figures to one JSON file, each under its `key`. Add a section by
 * adding one to the list in main.ts.
 */
export interface BenchOptions {
  /** `--full`: the long runs. Otherwise the quick mode (a few minutes in all). */
  full: boolean;
  /** `--workload FILE`: the detection benchmark's workload (absolute path). */
  workloadFile: string;
  repoRoot: string;
  /** A progress line on stderr (stdout is the table). */
  progress(line: string): void;
}

export interface Table {
  title?: string;
  header: string[];
  rows: string[][];
}

export interface SectionOutput {
  /** Everything measured, as plain JSON data. */
  figures: unknown;
  tables: Table[];
  /** Lines printed before the tables (what ran, on what). */
  notes?: string[];
}

export interface BenchSection {
  /** The figures' key in the JSON file, and the name `--only` takes. */
  key: string;
  title: string;
  run(options: BenchOptions): Promise<SectionOutput>;
}

/** The usual three-column table: figure, measured value, target. */
export function figureTable(rows: ReadonlyArray<readonly [string, string, string]>, title?: string): Table {
  return {
    ...(title === undefined ? {} : { title }),
    header: ['figure', 'measured', 'target'],
    rows: rows.map((row) => [...row]),
  };
}

export function renderTable(table: Table): string[] {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    ...(table.title === undefined ? [] : [`**${table.title}**`, '']),
    line(table.header),
    line(table.header.map(() => '---')),
    ...table.rows.map(line),
  ];
}

export interface SectionResult {
  key: string;
  figures: unknown;
  /** Markdown: the section's heading, notes and tables. */
  text: string[];
  seconds: number;
}

/** Runs the sections in order; `only` (keys) picks some. */
export async function runSections(
  sections: readonly BenchSection[],
  options: BenchOptions,
  only: readonly string[] | null,
): Promise<SectionResult[]> {
  const unknown = (only ?? []).filter((key) => !sections.some((section) => section.key === key));
  if (unknown.length > 0) {
    const known = sections.map((section) => section.key).join(', ');
    throw new RangeError(`--only: no section ${unknown.join(', ')} (sections: ${known})`);
  }
  const results: SectionResult[] = [];
  for (const section of sections) {
    if (only !== null && !only.includes(section.key)) continue;
    options.progress(`${section.key}: running`);
    const started = performance.now();
    const output = await section.run(options);
    const seconds = (performance.now() - started) / 1000;
    options.progress(`${section.key}: done in ${seconds.toFixed(1)} s`);
    const text = [
      `### ${section.title}`,
      '',
      ...(output.notes ?? []).flatMap((note) => [note, '']),
      ...output.tables.flatMap((table) => [...renderTable(table), '']),
    ];
    results.push({ key: section.key, figures: output.figures, text, seconds });
  }
  return results;
}
