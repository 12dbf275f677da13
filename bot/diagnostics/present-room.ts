import type { RoomDiagnosisView, RoomSummaryView, Tone } from '../cards/view-models';
import type { Locale, TextParams } from '../i18n';
import { defaultKnowledge, findLicence, type Knowledge } from '../knowledge';
import { graphValue, joinList, licenceName } from './present-support';
import type {
  Finding,
  FindingCode,
  FindingParamsByCode,
  PlanStep,
  RoomDiagnosis,
  Severity,
  VerdictCode,
} from './room-diagnosis';
import type { EvidenceGap, RoomFacts } from './room-facts';
import { roomText, type RoomTextKey } from './texts';

export { plainText } from './plain-text';

/** How to present a diagnosis. */
export interface PresentOptions {
  /** The knowledge the diagnosis was made with, for product names and build notes. */
  knowledge?: Knowledge;
  /**
   * Whether the texts will be read as Markdown (the default): Graph values are then escaped with `plainText()`.
   * Pass `false` when every text is shown verbatim (TextRun), where escapes would show as backslashes.
   */
  markdown?: boolean;
}

const VERDICT_TONE: Record<VerdictCode, Tone> = {
  'account-not-found': 'attention',
  'account-disabled': 'attention',
  'user-licence-on-room': 'attention',
  'no-room-licence': 'attention',
  'licence-not-provisioned': 'attention',
  'licence-bug': 'attention',
  'sign-in-failing-unknown': 'attention',
  'deprecated-sku': 'warning',
  'no-device-data': 'warning',
  'healthy-with-warnings': 'warning',
  healthy: 'good',
};

const SEVERITY_TONE: Record<Severity, Tone> = {
  blocker: 'attention',
  warning: 'warning',
  info: 'default',
  ok: 'good',
};

const LOCALE_TAG: Record<Locale, string> = { en: 'en-GB', fr: 'fr-FR' };

const FIX_ASSIGNMENT_ERRORS = [
  'CountViolation',
  'MutuallyExclusiveViolation',
  'DependencyViolation',
  'ProhibitedInUsageLocationViolation',
  'UniquenessViolation',
] as const;

/** Formats an instant for the reader, always in UTC: "22 Nov 2026, 10:05 UTC" / "22 nov. 2026, 10:05 UTC". */
export function formatUtc(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = new Intl.DateTimeFormat(LOCALE_TAG[locale], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
  }).format(date);
  return `${text} UTC`;
}

class Presenter {
  constructor(
    private readonly diagnosis: RoomDiagnosis,
    private readonly facts: RoomFacts,
    private readonly locale: Locale,
    private readonly knowledge: Knowledge,
    private readonly markdown: boolean,
  ) {}

  t(key: RoomTextKey, params?: TextParams): string {
    return roomText(this.locale, key, params);
  }

  g(value: string): string {
    return graphValue(value, this.markdown);
  }

  find<K extends FindingCode>(code: K): FindingParamsByCode[K] | undefined {
    const finding = this.diagnosis.findings.find((f) => f.code === code);
    return finding?.params as FindingParamsByCode[K] | undefined;
  }

  licence(skuId: string, partNumber?: string): string {
    return licenceName(this.knowledge, this.locale, skuId, partNumber, this.markdown);
  }

  list(items: string[]): string {
    return joinList(items, (head, last) => this.t('format.list', { head, last }));
  }

  group(groupId: string): string {
    if (!groupId) return this.t('format.someGroup');
    const name = this.facts.licenceGroups?.find(
      (g) => g.id.toLowerCase() === groupId.toLowerCase(),
    )?.displayName;
    return this.g(name || groupId);
  }

  upn(): string {
    return this.g(this.facts.account?.userPrincipalName ?? this.facts.room.emailAddress);
  }

  roomLicence(): string {
    const snapshot = this.diagnosis.roomLicence;
    return snapshot ? this.licence(snapshot.skuId, snapshot.skuPartNumber) : '';
  }

  duration(minutes: number): string {
    if (minutes % 60 === 0) {
      const hours = minutes / 60;
      return hours === 1 ? this.t('format.hour') : this.t('format.hours', { n: hours });
    }
    return minutes === 1 ? this.t('format.minute') : this.t('format.minutes', { n: minutes });
  }

  range(min: number, max: number): string {
    if (min % 60 === 0 && max % 60 === 0 && min > 60) {
      return this.t('format.rangeHours', { min: min / 60, max: max / 60 });
    }
    if (min % 60 !== 0 && max % 60 !== 0 && min > 1) return this.t('format.rangeMinutes', { min, max });
    return this.t('format.range', { min: this.duration(min), max: this.duration(max) });
  }

  monthYear(isoDate: string): string {
    const date = new Date(`${isoDate}T00:00:00Z`);
    if (Number.isNaN(date.getTime())) return isoDate;
    return new Intl.DateTimeFormat(LOCALE_TAG[this.locale], {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(date);
  }

  waitRange(): string {
    const step = this.diagnosis.verdict.plan.find((s) => s.id === 'wait-for-purge');
    return step && step.id === 'wait-for-purge'
      ? this.range(step.params.minMinutes, step.params.maxMinutes)
      : this.range(8 * 60, 24 * 60);
  }

  // ---- Verdict ----

  verdict(): RoomDiagnosisView['verdict'] {
    const code = this.diagnosis.verdict.code;
    const headline = this.headline(code);
    return { headline, summary: this.summary(code), tone: VERDICT_TONE[code] };
  }

  headline(code: VerdictCode): string {
    switch (code) {
      case 'licence-bug':
        return this.t('verdict.licence-bug.headline', {
          version: this.g(this.find('app-version-bad')?.version ?? ''),
        });
      default:
        return this.t(`verdict.${code}.headline`);
    }
  }

  summary(code: VerdictCode): string {
    const upn = this.upn();
    const licence = this.roomLicence();
    switch (code) {
      case 'account-not-found':
        return this.t('verdict.account-not-found.summary', { email: this.g(this.facts.room.emailAddress) });
      case 'account-disabled':
        return this.t('verdict.account-disabled.summary', { upn });
      case 'user-licence-on-room': {
        const userLicences = this.diagnosis.findings.flatMap((f) =>
          f.code === 'user-licence-on-room' ? [this.licence(f.params.skuId, f.params.skuPartNumber)] : [],
        );
        const since = this.monthYear(this.knowledge.licences.userLicencesBlockedOnRoomsSince);
        const key = this.diagnosis.roomLicence
          ? 'verdict.user-licence-on-room.summary'
          : 'verdict.user-licence-on-room.summaryNoRoomLicence';
        return this.t(key, { upn, licences: this.list(userLicences), since });
      }
      case 'no-room-licence':
        return this.t('verdict.no-room-licence.summary', { upn });
      case 'licence-not-provisioned': {
        const details: string[] = [];
        const plans = this.find('room-licence-not-provisioned');
        if (plans) details.push(this.t('detail.plansNotReady', { plans: this.g(plans.plans) }));
        for (const f of this.diagnosis.findings) {
          if (f.code === 'licence-assignment-error') {
            details.push(this.t('detail.assignmentError', { error: this.g(f.params.error) }));
          }
        }
        return this.t('verdict.licence-not-provisioned.summary', {
          upn,
          licence,
          details: details.join('; '),
        });
      }
      case 'licence-bug':
        return this.licenceBugSummary(upn, licence);
      case 'sign-in-failing-unknown':
        return this.t('verdict.sign-in-failing-unknown.summary', { build: this.buildSentence() });
      case 'deprecated-sku':
        return this.t('verdict.deprecated-sku.summary', {
          licence,
          cap: this.knowledge.licences.roomsBasicTenantCap,
        });
      case 'no-device-data':
        return this.t(this.noDeviceDataKey(), { upn, licence });
      case 'healthy-with-warnings':
        return this.t('verdict.healthy-with-warnings.summary');
      case 'healthy':
        return this.t('verdict.healthy.summary', { upn, licence });
    }
  }

  licenceBugSummary(upn: string, licence: string): string {
    const roomLicence = this.find('room-licence');
    const sentences = [
      this.t('verdict.licence-bug.summary', {
        version: this.g(this.find('app-version-bad')?.version ?? ''),
        upn,
        licence,
        provisioning: this.t(`value.provisioning.${roomLicence?.provisioning ?? 'unknown'}`),
        wait: this.waitRange(),
      }),
    ];
    const groups = this.diagnosis.findings.flatMap((f) =>
      f.code === 'licence-assigned-by-group' ? [this.group(f.params.groupId)] : [],
    );
    if (groups.length > 0) sentences.push(this.t('verdict.licence-bug.group', { group: this.list(groups) }));
    if (this.find('usage-location-missing')) sentences.push(this.t('verdict.licence-bug.usageLocation'));
    const noSeat = this.find('no-free-seat');
    if (noSeat) sentences.push(this.t('verdict.licence-bug.noSeat', { licence: this.licence(noSeat.skuId) }));
    return sentences.join(' ');
  }

  buildSentence(): string {
    const bad = this.find('app-version-bad');
    const good = this.find('app-version-good');
    const unknown = this.find('app-version-unknown');
    if (good) return this.t('verdict.sign-in-failing-unknown.buildGood', { version: this.g(good.version) });
    const version = bad?.version ?? unknown?.version;
    if (version) return this.t('verdict.sign-in-failing-unknown.buildUnknown', { version: this.g(version) });
    return this.t('verdict.sign-in-failing-unknown.buildMissing');
  }

  noDeviceDataKey(): RoomTextKey {
    if (this.facts.teamsDevice) return 'verdict.no-device-data.no-sign-in-state';
    const gap = this.diagnosis.verdict.missingEvidence.find((g) => g.source === 'teams-device');
    return gap && (gap.reason === 'unavailable' || gap.reason === 'forbidden' || gap.reason === 'throttled')
      ? 'verdict.no-device-data.unavailable'
      : 'verdict.no-device-data.not-registered';
  }

  // ---- Evidence ----

  evidence(): RoomDiagnosisView['evidence'] {
    return this.diagnosis.findings.flatMap((f) => {
      const line = this.evidenceLine(f);
      return line ? [{ ...line, tone: SEVERITY_TONE[f.severity] }] : [];
    });
  }

  evidenceLine(f: Finding): { label: string; value: string } | undefined {
    const line = (label: RoomTextKey, value: string, labelParams?: TextParams) => ({
      label: this.t(label, labelParams),
      value,
    });
    switch (f.code) {
      case 'account-not-found':
        return line('label.account', this.t('value.accountMissing', { email: this.g(f.params.email) }));
      case 'account-enabled':
        return line('label.account', this.t('value.accountEnabled', { upn: this.g(f.params.upn) }));
      case 'account-disabled':
        return line('label.account', this.t('value.accountDisabled', { upn: this.g(f.params.upn) }));
      case 'account-state-unknown':
        return line('label.account', this.t('value.accountUnknown', { upn: this.g(f.params.upn) }));
      case 'room-licence': {
        const groups = this.diagnosis.roomLicence?.groupIds ?? [];
        const assignment = this.t(`value.assignment.${f.params.assignment}`, {
          group: this.list(groups.map((id) => this.group(id))),
        });
        return line(
          'label.licence',
          this.t('value.roomLicence', {
            licence: this.licence(f.params.skuId, f.params.skuPartNumber),
            assignment,
            provisioning: this.t(`value.provisioning.${f.params.provisioning}`),
          }),
        );
      }
      case 'room-licence-not-provisioned':
        return line('label.provisioning', this.t('value.notProvisioned', { plans: this.g(f.params.plans) }));
      case 'licence-assignment-error':
        return line(
          'label.assignmentError',
          this.t('value.assignmentError', {
            error: this.g(f.params.error),
            licence: this.licence(f.params.skuId, f.params.skuPartNumber),
          }),
        );
      case 'multiple-room-licences':
        return line(
          'label.licences',
          this.t('value.multipleRoomLicences', {
            licences: this.list(f.params.skuIds.map((id) => this.licence(id))),
          }),
        );
      case 'no-room-licence':
        return line('label.licence', this.t('value.noRoomLicence'));
      case 'licences-unknown':
        return line('label.licences', this.t('value.licencesUnknown'));
      case 'user-licence-on-room': {
        const params = {
          licence: this.licence(f.params.skuId, f.params.skuPartNumber),
          since: this.monthYear(f.params.blockedSince),
          group: this.group(f.params.groupId),
        };
        return line(
          'label.userLicence',
          this.t(f.params.groupId ? 'value.userLicenceGroup' : 'value.userLicence', params),
        );
      }
      case 'licence-not-for-rooms':
        return line(
          'label.otherLicence',
          this.t('value.notForRooms', { licence: this.licence(f.params.skuId, f.params.skuPartNumber) }) +
            (f.params.category === 'shared-device' ? ` (${this.t('category.shared-device')})` : ''),
        );
      case 'licence-assigned-by-group':
        return line('label.group', this.t('value.group', { group: this.group(f.params.groupId) }));
      case 'deprecated-sku':
        return line(
          'label.deprecated',
          this.t('value.deprecated', { licence: this.licence(f.params.skuId) }),
        );
      case 'usage-location':
        return line(
          'label.usageLocation',
          this.t('value.usageLocation', { usageLocation: this.g(f.params.usageLocation) }),
        );
      case 'usage-location-missing':
        return line('label.usageLocation', this.t('value.usageLocationMissing'));
      case 'free-seats':
        return line('label.freeSeats', this.t('value.freeSeats', f.params), {
          licence: this.licence(f.params.skuId),
        });
      case 'no-free-seat':
        return line(
          'label.freeSeats',
          this.t(this.noFreeSeatKey(f.severity, f.params.basicCap > 0), {
            ...f.params,
            cap: f.params.basicCap,
          }),
          { licence: this.licence(f.params.skuId) },
        );
      case 'alternative-seats':
        return line('label.freeSeats', this.t('value.alternativeSeats', { free: f.params.free }), {
          licence: this.licence(f.params.skuId),
        });
      case 'app-version-bad': {
        const note =
          this.knowledge.builds.find((b) => b.version === f.params.pattern)?.note[this.locale] ?? '';
        return line(
          'label.app',
          this.t('value.appBad', {
            version: this.g(f.params.version),
            symptom: this.t(`symptom.${f.params.symptom}`),
            note,
          }).trim(),
        );
      }
      case 'app-version-good':
        return line('label.app', this.t('value.appGood', { version: this.g(f.params.version) }));
      case 'app-version-unknown':
        return line('label.app', this.t('value.appUnknown', { version: this.g(f.params.version) }));
      case 'app-version-missing':
        return line('label.app', this.t('value.appMissing'));
      case 'sign-in-ok':
        return line('label.signIn', this.t('value.signInOk'));
      case 'sign-in-failing':
        return line('label.signIn', this.t('value.signInFailing'));
      case 'sign-in-unknown':
        return line('label.signIn', this.t('value.signInUnknown'));
      case 'device-health':
        return line('label.health', this.health(f.params.healthStatus));
      case 'entra-device':
        return line(
          'label.entra',
          this.t('value.entra', {
            name: this.g(f.params.name),
            state: this.t(f.params.enabled ? 'value.entraEnabled' : 'value.entraDisabled'),
            trust: this.trust(f.params.trustType),
          }),
        );
      case 'entra-device-not-found':
        return line('label.entra', this.t('value.entraNotFound'));
      case 'evidence-missing':
        // Listed under the missing evidence instead.
        return undefined;
    }
  }

  // The risk of losing the seat only exists while the licence is off, i.e. when the plan removes it.
  noFreeSeatKey(severity: Severity, basic: boolean): RoomTextKey {
    if (severity === 'warning') return basic ? 'value.noFreeSeatBasic' : 'value.noFreeSeat';
    return basic ? 'value.noFreeSeatNowBasic' : 'value.noFreeSeatNow';
  }

  health(status: string): string {
    switch (status.trim().toLowerCase()) {
      case 'healthy':
        return this.t('health.healthy');
      case 'nonurgent':
        return this.t('health.nonUrgent');
      case 'critical':
        return this.t('health.critical');
      case 'offline':
        return this.t('health.offline');
      case '':
      case 'unknown':
        return this.t('health.unknown');
      default:
        return this.g(status);
    }
  }

  trust(trustType: string): string {
    switch (trustType.trim().toLowerCase()) {
      case 'azuread':
        return this.t('trust.AzureAd');
      case 'serverad':
        return this.t('trust.ServerAd');
      case 'workplace':
        return this.t('trust.Workplace');
      case '':
        return this.t('trust.unknown');
      default:
        return this.g(trustType);
    }
  }

  // ---- Plan ----

  plan(): RoomDiagnosisView['plan'] {
    return this.diagnosis.verdict.plan.map((step) => {
      const { title, detail } = this.step(step);
      return {
        title:
          step.stage === 'fallback'
            ? this.t('plan.fallbackPrefix', { title: lowerFirst(title, this.locale) })
            : title,
        detail,
        ...(step.powershell ? { powershell: step.powershell } : {}),
        ...(step.stage === 'fallback' ? { advanced: true } : {}),
      };
    });
  }

  step(step: PlanStep): { title: string; detail: string } {
    const upn = this.g(step.params && 'upn' in step.params ? step.params.upn : '');
    const pair = (titleKey: RoomTextKey, detailKey: RoomTextKey, params: TextParams = {}) => ({
      title: this.t(titleKey, params),
      detail: this.t(detailKey, params),
    });
    switch (step.id) {
      case 'find-resource-account':
      case 'check-room-mailbox':
      case 'check-console-on-site':
        return pair(`plan.${step.id}.title`, `plan.${step.id}.detail`, { email: this.g(step.params.email) });
      case 'find-why-disabled':
      case 'enable-account':
      case 'reprocess-licence':
      case 'wait-for-provisioning':
        return pair(`plan.${step.id}.title`, `plan.${step.id}.detail`, { upn });
      case 'set-usage-location':
        return pair(
          'plan.set-usage-location.title',
          step.params.usageLocation
            ? 'plan.set-usage-location.detailCountry'
            : 'plan.set-usage-location.detail',
          { upn, country: this.g(step.params.usageLocation) },
        );
      case 'check-free-seats':
        return pair('plan.check-free-seats.title', 'plan.check-free-seats.detail', {
          licences: this.list(step.params.skuIds.map((id) => this.licence(id))),
        });
      case 'hold-freed-seat':
        return pair(
          'plan.hold-freed-seat.title',
          step.params.alternativeSkuId
            ? 'plan.hold-freed-seat.detail'
            : 'plan.hold-freed-seat.detailNoAlternative',
          {
            licence: this.licence(step.params.skuId),
            alternative: step.params.alternativeSkuId ? this.licence(step.params.alternativeSkuId) : '',
            free: step.params.alternativeFree,
          },
        );
      case 'record-licence':
      case 'reassign-licence':
        return pair(`plan.${step.id}.title`, `plan.${step.id}.detail`, {
          upn,
          licence: this.licence(step.params.skuId),
          plans:
            step.params.disabledPlans.length > 0
              ? step.params.disabledPlans.map((p) => this.g(p)).join(', ')
              : this.t('plan.record-licence.noPlans'),
        });
      case 'reset-console-app':
        return pair('plan.reset-console-app.title', 'plan.reset-console-app.detail', {
          device: step.params.deviceName ? ` ${this.g(step.params.deviceName)}` : '',
        });
      case 'remove-licence':
        return pair('plan.remove-licence.title', 'plan.remove-licence.detail', {
          upn,
          licence: this.licence(step.params.skuId),
        });
      case 'remove-from-licence-group':
      case 'add-to-licence-group':
        return pair(`plan.${step.id}.title`, `plan.${step.id}.detail`, {
          upn,
          group: this.group(step.params.groupId),
        });
      case 'wait-for-purge':
        return pair('plan.wait-for-purge.title', 'plan.wait-for-purge.detail', {
          range: this.range(step.params.minMinutes, step.params.maxMinutes),
          min: this.duration(step.params.minMinutes),
          max: this.duration(step.params.maxMinutes),
        });
      case 'reassign-alternative': {
        const from = findLicence(this.knowledge, step.params.fromSkuId);
        return pair(
          'plan.reassign-alternative.title',
          from?.deprecated
            ? 'plan.reassign-alternative.detailDeprecated'
            : 'plan.reassign-alternative.detailSeat',
          {
            licence: this.licence(step.params.skuId),
            fromLicence: this.licence(step.params.fromSkuId),
            free: step.params.free,
          },
        );
      }
      case 'remove-user-licence':
        return pair(
          'plan.remove-user-licence.title',
          step.params.groupId ? 'plan.remove-user-licence.detailGroup' : 'plan.remove-user-licence.detail',
          { upn, licence: this.licence(step.params.skuId), group: this.group(step.params.groupId) },
        );
      case 'assign-room-licence':
        return pair(
          'plan.assign-room-licence.title',
          step.params.free > 0 ? 'plan.assign-room-licence.detail' : 'plan.assign-room-licence.detailNoSeat',
          {
            upn,
            licence: this.licence(step.params.skuId),
            free: step.params.free,
            cap: this.knowledge.licences.roomsBasicTenantCap,
          },
        );
      case 'replace-legacy-licence': {
        const detailKey: RoomTextKey = !step.powershell
          ? 'plan.replace-legacy-licence.detailGroup'
          : step.params.free > 0
            ? 'plan.replace-legacy-licence.detail'
            : 'plan.replace-legacy-licence.detailNoSeat';
        return pair('plan.replace-legacy-licence.title', detailKey, {
          upn,
          licence: this.licence(step.params.skuId),
          fromLicence: this.licence(step.params.fromSkuId),
          free: step.params.free,
        });
      }
      case 'check-licence-details':
        return pair('plan.check-licence-details.title', 'plan.check-licence-details.detail', {
          upn,
          licence: this.licence(step.params.skuId),
        });
      case 'fix-assignment-error': {
        const known = FIX_ASSIGNMENT_ERRORS.find(
          (e) => e.toLowerCase() === step.params.error.trim().toLowerCase(),
        );
        return pair('plan.fix-assignment-error.title', `plan.fix-assignment-error.${known ?? 'other'}`, {
          upn,
          licence: this.licence(step.params.skuId),
          error: this.g(step.params.error),
        });
      }
      case 'restart-console':
        return pair(
          'plan.restart-console.title',
          step.params.deviceName ? 'plan.restart-console.detail' : 'plan.restart-console.detailOnSite',
          { device: this.g(step.params.deviceName) },
        );
      case 'check-console-screen':
        return pair('plan.check-console-screen.title', 'plan.check-console-screen.detail', {
          device: step.params.deviceName ? this.g(step.params.deviceName) : this.t('format.unknownDevice'),
        });
      case 'check-entra-device':
        return pair(
          'plan.check-entra-device.title',
          step.params.name ? 'plan.check-entra-device.detail' : 'plan.check-entra-device.detailNoName',
          { name: this.g(step.params.name) },
        );
      case 'enable-entra-device':
        return pair('plan.enable-entra-device.title', 'plan.enable-entra-device.detail', {
          name: this.g(step.params.name),
        });
      case 'update-app':
        return pair('plan.update-app.title', 'plan.update-app.detail', {
          version: this.g(step.params.version),
          goodVersion: step.params.goodVersion.replace(/\*/g, 'x'),
        });
      case 'check-device-health':
        return pair('plan.check-device-health.title', 'plan.check-device-health.detail', {
          status: this.health(step.params.healthStatus),
        });
      case 'find-teams-device':
        return pair('plan.find-teams-device.title', `plan.find-teams-device.${step.params.reason}`);
      case 'verify-sign-in':
      case 'rediagnose':
      case 'try-licence-cycle':
      case 'clear-token-cache':
      case 'reinstall-app':
      case 'reimage-console':
      case 'escalate-to-microsoft':
      case 'retry-later':
        return pair(`plan.${step.id}.title`, `plan.${step.id}.detail`);
    }
  }

  // ---- Missing evidence ----

  missingEvidence(): string[] {
    return this.diagnosis.verdict.missingEvidence.map((gap) => this.gapSentence(gap));
  }

  gapSentence(gap: EvidenceGap): string {
    const sentence =
      gap.source === 'teams-device' && gap.reason === 'not-registered'
        ? this.t('missing.noTeamsDevice')
        : this.t('missing.sentence', {
            what: this.t(`missing.${gap.source}`),
            reason: this.t(`missing.reason.${gap.reason}`),
          });
    return gap.requestId
      ? `${sentence} ${this.t('missing.requestId', { requestId: this.g(gap.requestId) })}`
      : sentence;
  }

  room(): RoomSummaryView {
    const { room } = this.facts;
    const floor = room.floor ?? undefined;
    const building = room.building?.trim() ?? '';
    let location: string | undefined;
    if (building && floor !== undefined) location = this.t('format.location', { building, floor });
    else if (building) location = building;
    else if (floor !== undefined) location = this.t('format.floor', { floor });
    return {
      id: room.id,
      displayName: room.displayName,
      emailAddress: room.emailAddress,
      ...(location ? { location } : {}),
    };
  }
}

// A title placed after "If it still fails:" continues the sentence; acronyms ("MTR…") keep their case.
function lowerFirst(title: string, locale: Locale): string {
  const first = title.charAt(0);
  const second = title.charAt(1);
  if (!first || second === second.toUpperCase()) return title;
  return first.toLocaleLowerCase(locale) + title.slice(1);
}

/**
 * Turns a diagnosis into the data of the room diagnosis card, in the reader's language. Leaves `actions` empty:
 * the caller adds the buttons that fit the workflow.
 */
export function presentRoomDiagnosis(
  diagnosis: RoomDiagnosis,
  facts: RoomFacts,
  locale: Locale,
  options: PresentOptions = {},
): RoomDiagnosisView {
  const p = new Presenter(
    diagnosis,
    facts,
    locale,
    options.knowledge ?? defaultKnowledge,
    options.markdown ?? true,
  );
  return {
    room: p.room(),
    verdict: p.verdict(),
    evidence: p.evidence(),
    plan: p.plan(),
    missingEvidence: p.missingEvidence(),
    gatheredAt: formatUtc(facts.gatheredAt, locale),
    actions: [],
  };
}
