import { identityOf } from '../../../client/auth/oidc';
import { authOptionsOf, loadConfig } from '../../../client/config';

const opts = {
  nipClaim: 'nip',
  rolesClaim: 'realm_access.roles',
  roleNames: { secretariat: 'edaran-secretariat', evaluator: 'evaluator' },
};

describe('identity from the provider’s claims', () => {
  it('takes the NIP from the configured claim and only the configured roles (a group path counts by its last part)', () => {
    expect(
      identityOf(
        {
          nip: ' 198412142010011001 ',
          name: 'Budi',
          realm_access: { roles: ['offline_access', 'edaran-secretariat', '/asn/evaluator'] },
        },
        opts,
      ),
    ).toEqual({ nip: '198412142010011001', name: 'Budi', idpRoles: ['secretariat', 'evaluator'] });
    expect(
      identityOf({ nip: '198412142010011001', realm_access: { roles: 'edaran-secretariat' } }, opts),
    ).toEqual({
      nip: '198412142010011001',
      idpRoles: [],
    });
  });

  it('refuses a sign-in without the NIP claim, naming the claim', () => {
    expect(() => identityOf({ sub: 'x' }, { ...opts, nipClaim: 'asn.nip' })).toThrow(
      /asn.nip: the identity provider sent no NIP/,
    );
  });
});

describe('sign-in options from the configuration', () => {
  it('offers the development sign-in only in dev, without an issuer and outside production', () => {
    const dev = authOptionsOf(loadConfig({}), { dev: true });
    expect(dev).toMatchObject({ devSignIn: true, secureCookies: false, linkTtlSeconds: 720 * 60 });
    expect(dev.oidc).toBeUndefined();
    const sso = authOptionsOf(loadConfig({ EDARAN_OIDC_ISSUER: 'https://sso.example.go.id/realms/asn' }), {
      dev: true,
    });
    expect(sso).toMatchObject({
      devSignIn: false,
      oidc: { issuer: 'https://sso.example.go.id/realms/asn', nipClaim: 'nip' },
    });
    expect(authOptionsOf(loadConfig({ NODE_ENV: 'production' }), { dev: true })).toMatchObject({
      devSignIn: false,
      secureCookies: true,
    });
    expect(authOptionsOf(loadConfig({}), { dev: false })).toMatchObject({
      devSignIn: false,
      secureCookies: true,
    });
    expect(() => loadConfig({ EDARAN_LINK_TTL_MINUTES: '0' })).toThrow(/EDARAN_LINK_TTL_MINUTES/);
  });
});
