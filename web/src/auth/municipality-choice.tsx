import { useEffect, useState, type ReactNode } from 'react';
import { answer, api } from '../api/client';
import { SelectInput } from '../components/form';
import { useI18n } from '../i18n/i18n';

/** The last municipality chosen on this browser: a counter's computer is one town's, so its staff choose once. */
const REMEMBERED = 'madoguchi.municipality';

function remembered(): string | null {
  try {
    return localStorage.getItem(REMEMBERED);
  } catch {
    return null;
  }
}

/**
 * Which municipality's account signs in, where one deployment serves several at one address
 * (docs/scale.md "Several municipalities"). At an address that serves one municipality (a town's
 * own host name, and every single-municipality deployment) there is nothing to choose: no field,
 * and the sign-in names none, so the server takes the address's.
 */
export function useMunicipalityChoice(): { readonly field: ReactNode; readonly municipality: string | undefined; remember(): void } {
  const { t, lang } = useI18n();
  const [choices, setChoices] = useState<readonly { code: string; name: string; nameEn: string }[]>([]);
  const [chosen, setChosen] = useState('');
  useEffect(() => {
    void answer(api.GET('/api/v1/municipalities')).then((result) => {
      if (!result.ok) return;
      const { municipalities, current } = result.data;
      const earlier = remembered();
      setChoices(municipalities);
      setChosen(municipalities.some((municipality) => municipality.code === earlier) ? earlier! : current);
    });
  }, []);
  if (choices.length < 2) return { field: null, municipality: undefined, remember: () => undefined };
  return {
    field: (
      <SelectInput
        name="municipality"
        label={t('signIn.municipality')}
        value={chosen}
        onChange={setChosen}
        options={choices.map(({ code, name, nameEn }) => ({ value: code, label: `${lang === 'ja' ? name : nameEn} (${code})` }))}
      />
    ),
    municipality: chosen,
    remember: () => {
      try {
        localStorage.setItem(REMEMBERED, chosen);
      } catch {
        // A browser that keeps nothing asks again next time.
      }
    },
  };
}
