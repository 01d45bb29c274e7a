/**
 * Counselling intake: a request is routed by the answers — under the age limit to the youth
 * migration service, otherwise to adult migration counselling, and within that to a team that
 * speaks one of the person's languages. Pure domain code.
 */
export interface IntakeTeam {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly ageGroup: 'youth' | 'adult';
  readonly languages?: readonly string[];
}

export interface IntakeSettings {
  readonly teams: readonly IntakeTeam[];
  /** People younger than this go to the youth migration service. @default 27 */
  readonly youthAgeLimit: number;
  /** A team should pick a case up within this many hours; then it escalates. @default 48 */
  readonly pickupWithinHours: number;
  readonly escalationContact?: string;
  readonly ageField: string;
  readonly languagesField: string;
  readonly topicField: string;
  /** Language of the teams' e-mails. */
  readonly locale: string;
}

export function routeIntake(
  settings: IntakeSettings,
  data: Readonly<Record<string, unknown>>,
): { route: 'youth' | 'adult'; team: IntakeTeam } {
  const age = Number(data[settings.ageField]);
  const route = Number.isFinite(age) && age < settings.youthAgeLimit ? 'youth' : 'adult';
  const candidates = settings.teams.filter((team) => team.ageGroup === route);
  const spoken = Array.isArray(data[settings.languagesField])
    ? (data[settings.languagesField] as unknown[]).map(String)
    : [];
  const team =
    candidates.find((candidate) => candidate.languages?.some((language) => spoken.includes(language))) ??
    candidates.find((candidate) => !candidate.languages || candidate.languages.length === 0) ??
    candidates[0];
  if (!team) throw new Error(`No ${route} team is configured`);
  return { route, team };
}
