/** A text the bot shows, in each language it speaks. */
export interface LocalizedText {
  en: string;
  fr: string;
}

export type BuildStatus = 'bad' | 'good';

/** The playbooks the bot runs. A known issue and a FAQ entry each belong to one. */
export type PlaybookId = 'room-licence' | 'phone-no-internet';

/**
 * What goes wrong on a bad build. The rules know each symptom; a new bad build with a known symptom is a data
 * change only.
 */
export type BuildSymptom = 'licence-error-at-sign-in' | 'none';

/** One Teams Rooms app build, or a family of builds ("5.2.136.*"). */
export interface KnownBuild {
  /** A dotted version; `*` stands for any one segment, or for any remaining segments when it comes last. */
  version: string;
  status: BuildStatus;
  symptom: BuildSymptom;
  note: LocalizedText;
  /** A bad build only: the message the console shows, word for word, in each language of the console. */
  symptomText?: LocalizedText;
  /** A bad build only: the good build (or family) of this file that no longer has the problem. */
  fixedIn?: string;
  /** A bad build only: the playbook that repairs a console on this build. */
  playbook?: PlaybookId;
}

export type LicenceCategory =
  | 'room-basic'
  | 'room-pro'
  | 'room-legacy-standard'
  | 'room-legacy-premium'
  | 'user'
  | 'phone'
  | 'shared-device';

/** The categories that license a Teams Rooms console. */
export type RoomLicenceCategory = Extract<LicenceCategory, `room-${string}`>;

/** One product of the licence matrix, identified by skuId (the part number is only a label). */
export interface LicenceSku {
  skuId: string;
  skuPartNumber: string;
  productName: LocalizedText;
  category: LicenceCategory;
  /** Whether Microsoft allows this licence on a Teams Rooms resource account. */
  allowedOnRoomAccount: boolean;
  /** Retired product: still works while the subscription lasts, but cannot be bought any more. */
  deprecated: boolean;
}

export interface LicenceMatrix {
  servicePlans: {
    /** Service plan MCOEV, which enables Teams Phone whichever SKU carries it. */
    teamsPhone: string;
  };
  /** How many rooms a tenant may license with the free Teams Rooms Basic. */
  roomsBasicTenantCap: number;
  /** Date (YYYY-MM-DD) from which consoles signed in with a user licence are blocked. */
  userLicencesBlockedOnRoomsSince: string;
  skus: LicenceSku[];
}

/** Everything the rules know about the outside world, loaded from the JSON files of this folder. */
export interface Knowledge {
  builds: KnownBuild[];
  licences: LicenceMatrix;
}
