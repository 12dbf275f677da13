import {
  ClientCertificateCredential,
  ClientSecretCredential,
  ManagedIdentityCredential,
  type TokenCredential,
} from '@azure/identity';
import type { GraphAuth } from '../config';

/** The Azure credential for the configured Graph authentication; `undefined` for the local emulator. */
export function createGraphCredential(auth: GraphAuth): TokenCredential | undefined {
  switch (auth.kind) {
    case 'none':
      return undefined;
    case 'client-secret':
      return new ClientSecretCredential(auth.tenantId, auth.clientId, auth.clientSecret);
    case 'certificate':
      return new ClientCertificateCredential(auth.tenantId, auth.clientId, {
        certificatePath: auth.certificatePath,
      });
    case 'managed-identity':
      return auth.clientId
        ? new ManagedIdentityCredential({ clientId: auth.clientId })
        : new ManagedIdentityCredential();
  }
}
