import type { CardAction, Tone } from '../cards/view-models';
import type { Locale, TextParams } from '../i18n';
import { defaultKnowledge, type Knowledge } from '../knowledge';
import { defaultPhoneKnowledge, firmwareBaseline, type PhoneKnowledge } from '../knowledge/phone';
import type { PhoneFacts } from './phone-facts';
import type {
  PhoneDiagnosis,
  PhoneFinding,
  PhoneFindingCode,
  PhoneFindingParamsByCode,
  PhonePlanStep,
  PhoneVerdictCode,
} from './phone-rules';
import { phoneText, type PhoneTextKey } from './phone-texts';
import { graphValue, joinList, licenceName } from './present-support';
import { formatUtc } from './present-room';
import type { Severity } from './room-diagnosis';
import type { EvidenceGap } from './room-facts';

/** The data of the phone diagnosis card: all strings are final, localised text. */
export interface PhoneDiagnosisView {
  phone: {
    /** "Poly CCX 500 · Alice Martin" */
    title: string;
    /** The person's sign-in name and site. */
    subtitle: string;
    /** What identifies the phone on the network: IP, MAC, host name, gateway, DNS, DHCP, serial, asset tag... */
    facts: { label: string; value: string }[];
  };
  verdict: { headline: string; summary: string; tone: Tone };
  evidence: { label: string; value: string; tone: Tone }[];
  plan: { title: string; detail: string }[];
  /** Evidence that could not be read, each as a sentence. */
  missingEvidence: string[];
  /** When the facts were read, already formatted for the reader. */
  gatheredAt: string;
  /** Left empty: the caller adds the buttons that fit the workflow (see PhoneDiagnosis.actions). */
  actions: CardAction[];
}

/** How to present a phone diagnosis. */
export interface PresentPhoneOptions {
  /** The licence knowledge, for product names. */
  knowledge?: Knowledge;
  /** The phone knowledge the diagnosis was made with, for firmware notes. */
  phoneKnowledge?: PhoneKnowledge;
  /**
   * Whether the texts will be read as Markdown (the default): Graph values are then escaped with `plainText()`.
   * Pass `false` when every text is shown verbatim.
   */
  markdown?: boolean;
}

const VERDICT_TONE: Record<PhoneVerdictCode, Tone> = {
  'user-not-found': 'attention',
  'account-disabled': 'attention',
  'no-phone-licence': 'attention',
  'licence-not-provisioned': 'attention',
  'no-phone': 'warning',
  'fleet-wide': 'attention',
  'offline-old-firmware': 'attention',
  offline: 'attention',
  'signed-out': 'attention',
  'state-unknown': 'warning',
  'old-firmware': 'warning',
  healthy: 'good',
};

const SEVERITY_TONE: Record<Severity, Tone> = {
  blocker: 'attention',
  warning: 'warning',
  info: 'default',
  ok: 'good',
};

// "8.0.0.0" -> "8.x": the line a minimum version opens.
function lineOf(minimum: string): string {
  return `${minimum.split('.')[0] ?? minimum}.x`;
}

class PhonePresenter {
  constructor(
    private readonly diagnosis: PhoneDiagnosis,
    private readonly facts: PhoneFacts,
    private readonly locale: Locale,
    private readonly knowledge: Knowledge,
    private readonly phoneKnowledge: PhoneKnowledge,
    private readonly markdown: boolean,
  ) {}

  t(key: PhoneTextKey, params?: TextParams): string {
    return phoneText(this.locale, key, params);
  }

  g(value: string): string {
    return graphValue(value, this.markdown);
  }

  find<K extends PhoneFindingCode>(code: K): PhoneFindingParamsByCode[K] | undefined {
    const finding = this.diagnosis.findings.find((f) => f.code === code);
    return finding?.params as PhoneFindingParamsByCode[K] | undefined;
  }

  licence(skuId: string, partNumber?: string): string {
    return licenceName(this.knowledge, this.locale, skuId, partNumber, this.markdown);
  }

  list(items: string[]): string {
    return joinList(items, (head, last) => this.t('format.list', { head, last }));
  }

  upn(): string {
    return this.g(this.diagnosis.siteFacts.user);
  }

  model(): string {
    const site = this.diagnosis.siteFacts;
    return [site.manufacturer, site.model].filter(Boolean).join(' ');
  }

  // The phone as the subject of a sentence: "The Poly CCX 500" / "Le Poly CCX 500".
  subject(): string {
    const model = this.model();
    return model ? this.t('format.phone', { model: this.g(model) }) : this.t('format.phoneUnknown');
  }

  since(iso: string): string {
    return iso ? this.t('format.since', { date: formatUtc(iso, this.locale) }) : '';
  }

  note(issue: string): string {
    const site = this.diagnosis.siteFacts;
    const baseline = firmwareBaseline(site.model, this.phoneKnowledge, site.manufacturer);
    return baseline?.badVersions.find((b) => b.version === issue)?.note[this.locale] ?? '';
  }

  reason(reason: EvidenceGap['reason']): string {
    return this.t(`missing.reason.${reason}`);
  }

  // ---- The phone ----

  phone(): PhoneDiagnosisView['phone'] {
    const site = this.diagnosis.siteFacts;
    const person = this.facts.user?.displayName?.trim() || site.user;
    const raw = this.model();
    const model = this.facts.phone
      ? raw
        ? this.g(raw)
        : this.t('phone.unknownModel')
      : this.t('phone.noPhone');
    const title = [model, person ? this.g(person) : ''].filter(Boolean).join(' · ');
    const subtitle = [site.user, site.site]
      .filter(Boolean)
      .map((v) => this.g(v))
      .join(' · ');
    const facts: PhoneDiagnosisView['phone']['facts'] = [];
    const add = (key: PhoneTextKey, value: string, raw = false) => {
      if (value) facts.push({ label: this.t(key), value: raw ? value : this.g(value) });
    };
    add('fact.ip', site.ipAddress);
    add('fact.mac', site.macAddress);
    add('fact.hostName', site.hostName);
    add('fact.gateway', site.gateway);
    add('fact.dns', site.dnsServers.join(', '));
    if (site.dhcp !== null) add('fact.dhcp', this.t(site.dhcp ? 'value.dhcpOn' : 'value.dhcpOff'), true);
    add('fact.serial', site.serialNumber);
    add('fact.assetTag', site.assetTag);
    add('fact.firmware', site.firmware);
    const offline = this.find('device-offline');
    if (offline?.lastSeen) add('fact.lastSeen', formatUtc(offline.lastSeen, this.locale), true);
    return { title, subtitle, facts };
  }

  // ---- Verdict ----

  verdict(): PhoneDiagnosisView['verdict'] {
    const code = this.diagnosis.verdict.code;
    return { headline: this.headline(code), summary: this.summary(code), tone: VERDICT_TONE[code] };
  }

  // The firmware verdicts speak of the line when the version is below it, else of the known issue alone.
  firmware(): { params: TextParams; issueOnly: boolean } {
    const f = this.find('firmware-below-baseline');
    return {
      params: {
        version: this.g(f?.version ?? ''),
        line: lineOf(f?.minimum ?? ''),
        recommended: this.g(f?.recommended ?? ''),
        note: f ? this.note(f.issue) : '',
      },
      issueOnly: f !== undefined && !f.belowMinimum,
    };
  }

  headline(code: PhoneVerdictCode): string {
    switch (code) {
      case 'no-phone':
        return this.find('no-phone')?.reason === 'not-registered'
          ? this.t('verdict.no-phone.headline')
          : this.t('verdict.no-phone.headlineUnreadable');
      case 'offline-old-firmware':
      case 'old-firmware': {
        const { params, issueOnly } = this.firmware();
        return this.t(issueOnly ? `verdict.${code}.headlineIssue` : `verdict.${code}.headline`, params);
      }
      default:
        return this.t(`verdict.${code}.headline`);
    }
  }

  fleetSentence(): string {
    if (this.find('fleet-ok')) return this.t('fleet.alone');
    const some = this.find('fleet-some-offline');
    if (some) return some.offline === 1 ? this.t('fleet.someOne') : this.t('fleet.some', some);
    return '';
  }

  summary(code: PhoneVerdictCode): string {
    const upn = this.upn();
    const Phone = this.subject();
    const sentences = (...parts: string[]) => parts.filter(Boolean).join(' ');
    switch (code) {
      case 'user-not-found':
        return this.t('verdict.user-not-found.summary');
      case 'account-disabled':
        return this.t('verdict.account-disabled.summary', { upn });
      case 'no-phone-licence': {
        const disabled = this.find('phone-plan-disabled');
        if (disabled) {
          return this.t('verdict.no-phone-licence.summaryDisabled', {
            upn,
            licence: this.licence(disabled.skuId, disabled.skuPartNumber),
          });
        }
        const held = this.find('no-phone-licence')?.skuIds ?? [];
        if (held.length === 0) return this.t('verdict.no-phone-licence.summaryNone', { upn });
        return this.t('verdict.no-phone-licence.summary', {
          upn,
          licences: this.list(held.map((id) => this.licence(id))),
        });
      }
      case 'licence-not-provisioned': {
        const f = this.find('licence-not-provisioned');
        return this.t('verdict.licence-not-provisioned.summary', {
          upn,
          licence: f ? this.licence(f.skuId, f.skuPartNumber) : '',
          status: this.g(f?.status ?? ''),
        });
      }
      case 'no-phone': {
        const reason = this.find('no-phone')?.reason ?? 'not-registered';
        return reason === 'not-registered'
          ? this.t('verdict.no-phone.summary', { upn })
          : this.t('verdict.no-phone.summaryUnreadable', { reason: this.reason(reason) });
      }
      case 'fleet-wide': {
        const f = this.find('fleet-wide-offline');
        return this.t('verdict.fleet-wide.summary', { count: (f?.offline ?? 0) + 1, total: f?.total ?? 0 });
      }
      case 'offline-old-firmware': {
        const { params, issueOnly } = this.firmware();
        const since = this.since(this.find('device-offline')?.lastSeen ?? '');
        return sentences(
          this.t(
            issueOnly ? 'verdict.offline-old-firmware.summaryIssue' : 'verdict.offline-old-firmware.summary',
            { ...params, Phone, since },
          ),
          this.fleetSentence(),
          this.t('verdict.offline-old-firmware.next', params),
        );
      }
      case 'offline':
        return sentences(
          this.t('verdict.offline.summary', {
            Phone,
            since: this.since(this.find('device-offline')?.lastSeen ?? ''),
          }),
          this.fleetSentence(),
          this.t('verdict.offline.next'),
        );
      case 'signed-out':
        return this.t('verdict.signed-out.summary', {
          Phone,
          upn,
          since: this.since(this.find('signed-out')?.since ?? ''),
        });
      case 'state-unknown':
        return this.t('verdict.state-unknown.summary', { Phone });
      case 'old-firmware': {
        const { params, issueOnly } = this.firmware();
        return this.t(issueOnly ? 'verdict.old-firmware.summaryIssue' : 'verdict.old-firmware.summary', {
          ...params,
          Phone,
        });
      }
      case 'healthy':
        return this.t('verdict.healthy.summary', { Phone });
    }
  }

  // ---- Evidence ----

  evidence(): PhoneDiagnosisView['evidence'] {
    return this.diagnosis.findings.flatMap((f) => {
      const line = this.evidenceLine(f);
      return line ? [{ ...line, tone: SEVERITY_TONE[f.severity] }] : [];
    });
  }

  evidenceLine(f: PhoneFinding): { label: string; value: string } | undefined {
    const line = (label: PhoneTextKey, value: string) => ({ label: this.t(label), value });
    const upn = this.g(f.params && 'upn' in f.params ? f.params.upn : '');
    switch (f.code) {
      case 'user-not-found':
        return line('label.account', this.t('value.userNotFound'));
      case 'account-enabled':
        return line('label.account', this.t('value.accountEnabled', { upn }));
      case 'account-disabled':
        return line('label.account', this.t('value.accountDisabled', { upn }));
      case 'account-state-unknown':
        return line('label.account', this.t('value.accountUnknown', { upn }));
      case 'phone-licence':
        return line(
          'label.licence',
          this.t(f.params.via === 'shared-devices' ? 'value.licenceShared' : 'value.licencePlan', {
            licence: this.licence(f.params.skuId, f.params.skuPartNumber),
          }),
        );
      case 'no-phone-licence':
        return line(
          'label.licence',
          f.params.skuIds.length > 0
            ? this.t('value.noLicence', {
                licences: this.list(f.params.skuIds.map((id) => this.licence(id))),
              })
            : this.t('value.noLicenceAtAll'),
        );
      case 'phone-plan-disabled':
        return line(
          'label.licence',
          this.t('value.planDisabled', { licence: this.licence(f.params.skuId, f.params.skuPartNumber) }),
        );
      case 'licence-not-provisioned':
        return line(
          'label.licence',
          this.t('value.notProvisioned', {
            licence: this.licence(f.params.skuId, f.params.skuPartNumber),
            status: this.g(f.params.status),
          }),
        );
      case 'licences-unknown':
        return line('label.licence', this.t('value.licencesUnknown'));
      case 'no-phone':
        return line(
          'label.phone',
          f.params.reason === 'not-registered'
            ? this.t('value.noPhone')
            : this.t('value.phoneUnreadable', { reason: this.reason(f.params.reason) }),
        );
      case 'device-online':
        return line('label.connection', this.t('value.online'));
      case 'device-offline':
        return line(
          'label.connection',
          f.params.lastSeen
            ? this.t('value.offline', { date: formatUtc(f.params.lastSeen, this.locale) })
            : this.t('value.offlineNoDate'),
        );
      case 'device-state-unknown':
        return line('label.connection', this.t('value.connectionUnknown'));
      case 'signed-in':
        return line('label.signIn', this.t('value.signedIn'));
      case 'signed-out':
        if (!f.params.online) return line('label.signIn', this.t('value.signedOutOffline'));
        return line(
          'label.signIn',
          f.params.since
            ? this.t('value.signedOut', { date: formatUtc(f.params.since, this.locale) })
            : this.t('value.signedOutNoDate'),
        );
      case 'sign-in-unknown':
        return line('label.signIn', this.t('value.signInUnknown'));
      case 'firmware-below-baseline': {
        const params = {
          version: this.g(f.params.version),
          line: lineOf(f.params.minimum),
          recommended: this.g(f.params.recommended),
          note: this.note(f.params.issue),
        };
        return line(
          'label.firmware',
          f.params.belowMinimum
            ? this.t('value.firmwareBelow', params)
            : this.t('value.firmwareIssue', params).trim(),
        );
      }
      case 'firmware-behind':
        return line(
          'label.firmware',
          this.t('value.firmwareBehind', {
            version: this.g(f.params.version),
            recommended: this.g(f.params.recommended),
          }),
        );
      case 'firmware-current':
        return line('label.firmware', this.t('value.firmwareCurrent', { version: this.g(f.params.version) }));
      case 'firmware-unknown-model':
        return line(
          'label.firmware',
          this.t('value.firmwareUnknownModel', {
            version: this.g(f.params.version),
            model: f.params.model ? this.g(f.params.model) : this.t('phone.unknownModel'),
          }),
        );
      case 'firmware-missing':
        return line('label.firmware', this.t('value.firmwareMissing'));
      case 'fleet-ok':
        return line('label.fleet', this.t('value.fleetOk', f.params));
      case 'fleet-some-offline':
        return line(
          'label.fleet',
          this.t(f.params.offline === 1 ? 'value.fleetSomeOne' : 'value.fleetSome', f.params),
        );
      case 'fleet-wide-offline':
        return line(
          'label.fleet',
          this.t(f.params.offline === 1 ? 'value.fleetWideOne' : 'value.fleetWide', f.params),
        );
      case 'fleet-unknown':
        return line('label.fleet', this.t('value.fleetUnknown'));
      case 'same-firmware':
        return line(
          'label.sameFirmware',
          this.t(f.params.count === 1 ? 'value.sameFirmwareOne' : 'value.sameFirmware', {
            count: f.params.count,
            version: this.g(f.params.version),
          }),
        );
      case 'evidence-missing':
        // Listed under the missing evidence instead.
        return undefined;
    }
  }

  // ---- Plan ----

  plan(): PhoneDiagnosisView['plan'] {
    return this.diagnosis.verdict.plan.map((step) => this.step(step));
  }

  step(step: PhonePlanStep): { title: string; detail: string } {
    const upn = this.g(step.params && 'upn' in step.params ? step.params.upn : '');
    const pair = (titleKey: PhoneTextKey, detailKey: PhoneTextKey, params: TextParams = {}) => ({
      title: this.t(titleKey, params),
      detail: this.t(detailKey, params),
    });
    switch (step.id) {
      case 'check-account':
        return pair('plan.check-account.title', 'plan.check-account.detail', {
          who: upn || this.t('format.theAccount'),
        });
      case 'find-why-disabled':
      case 'enable-account':
      case 'assign-phone-licence':
      case 'sign-in-again':
        return pair(`plan.${step.id}.title`, `plan.${step.id}.detail`, { upn });
      case 'enable-phone-plan':
        return pair('plan.enable-phone-plan.title', 'plan.enable-phone-plan.detail', {
          upn,
          licence: this.licence(step.params.skuId),
        });
      case 'wait-for-provisioning':
        return pair('plan.wait-for-provisioning.title', 'plan.wait-for-provisioning.detail', {
          licence: this.licence(step.params.skuId),
          status: this.g(step.params.status),
        });
      case 'find-phone':
        return pair(
          'plan.find-phone.title',
          step.params.reason === 'not-registered'
            ? 'plan.find-phone.not-registered'
            : 'plan.find-phone.unreadable',
          { upn, reason: this.reason(step.params.reason) },
        );
      case 'check-outage':
        return pair('plan.check-outage.title', 'plan.check-outage.detail', {
          count: step.params.offline + 1,
          total: step.params.total,
        });
      case 'restart-phone':
        return step.params.offline
          ? pair('plan.restart-phone.titleOnSite', 'plan.restart-phone.detailOnSite')
          : pair('plan.restart-phone.title', 'plan.restart-phone.detail');
      case 'update-firmware': {
        const issueOnly = this.find('firmware-below-baseline')?.belowMinimum === false;
        return pair(
          'plan.update-firmware.title',
          issueOnly ? 'plan.update-firmware.detailIssue' : 'plan.update-firmware.detail',
          {
            version: this.g(step.params.version),
            target: this.g(step.params.target),
            line: lineOf(step.params.minimum),
          },
        );
      }
      case 'update-other-phones':
        return pair(
          'plan.update-other-phones.title',
          step.params.count === 1 ? 'plan.update-other-phones.detailOne' : 'plan.update-other-phones.detail',
          {
            count: step.params.count,
            version: this.g(step.params.version),
            target: this.g(step.params.target),
          },
        );
      case 'retry-later':
      case 'walk-site-checks':
      case 'verify':
        return pair(`plan.${step.id}.title`, `plan.${step.id}.detail`);
    }
  }

  // ---- Missing evidence ----

  missingEvidence(): string[] {
    return this.diagnosis.verdict.missingEvidence.map((gap) => {
      const sentence = this.t('missing.sentence', {
        what: this.t(`missing.${gap.source}`),
        reason: this.reason(gap.reason),
      });
      return gap.requestId
        ? `${sentence} ${this.t('missing.requestId', { requestId: this.g(gap.requestId) })}`
        : sentence;
    });
  }
}

/**
 * Turns a phone diagnosis into the data of its card, in the reader's language. Leaves `actions` empty: the caller
 * adds the buttons from `diagnosis.actions`.
 */
export function presentPhoneDiagnosis(
  diagnosis: PhoneDiagnosis,
  facts: PhoneFacts,
  locale: Locale,
  options: PresentPhoneOptions = {},
): PhoneDiagnosisView {
  const p = new PhonePresenter(
    diagnosis,
    facts,
    locale,
    options.knowledge ?? defaultKnowledge,
    options.phoneKnowledge ?? defaultPhoneKnowledge,
    options.markdown ?? true,
  );
  return {
    phone: p.phone(),
    verdict: p.verdict(),
    evidence: p.evidence(),
    plan: p.plan(),
    missingEvidence: p.missingEvidence(),
    gatheredAt: formatUtc(facts.gatheredAt, locale),
    actions: [],
  };
}
