import {
  constants,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
  randomInt,
} from 'node:crypto';

/**
 * The sealed envelopes of a secret vote. A key pair per vote: envelopes are encrypted to its public
 * key (RSA-OAEP with SHA-256); its private key is stored only encrypted with the tellers' passphrase
 * (PKCS#8, AES-256), so the database alone opens nothing. Pure functions over Node's crypto.
 */

export interface VoteKeys {
  publicKey: string;
  sealedPrivateKey: string;
}

export function makeVoteKeys(passphrase: string): VoteKeys {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    sealedPrivateKey: privateKey
      .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase })
      .toString(),
  };
}

/** A receipt code a voter can read out and find in the published list: 10 characters, no look-alikes. */
export function receiptCode(): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  let code = '';
  for (let i = 0; i < 10; i++) code += alphabet[randomInt(alphabet.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export function seal(publicKey: string, ballot: { choice: string; receipt: string }): string {
  // random padding so envelopes of the same choice differ in nothing but noise (OAEP is randomized too)
  const payload = JSON.stringify({ ...ballot, pad: randomBytes(8).toString('hex') });
  return publicEncrypt(
    { key: createPublicKey(publicKey), padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
    Buffer.from(payload),
  ).toString('base64');
}

/** Opens every envelope with the passphrase; throws if the passphrase is wrong. */
export function openAll(
  sealedPrivateKey: string,
  passphrase: string,
  envelopes: string[],
): { choice: string; receipt: string }[] {
  const key = createPrivateKey({ key: sealedPrivateKey, passphrase });
  return envelopes.map((e) => {
    const { choice, receipt } = JSON.parse(
      privateDecrypt(
        { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
        Buffer.from(e, 'base64'),
      ).toString(),
    ) as { choice: string; receipt: string };
    return { choice, receipt };
  });
}

/** Fisher–Yates with a cryptographic source: the order ballots are written in says nothing. */
export function shuffle<T>(items: T[]): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}
