// A throwaway Vite + React app that installs race-lab-embed from its tarball
// (e2e/package.spec.ts). The test passes Race Lab's address in the page's query.
import { createRoot } from 'react-dom/client';
import { RaceLab, register } from 'race-lab-embed';

window.raceLabResults = [];
window.bankResults = [];
const src = new URLSearchParams(location.search).get('lab');
// For the parts of a site without React: <race-lab> from the same package.
register({ src });

createRoot(document.getElementById('root')).render(
  <article>
    <h1>Lost updates</h1>
    <RaceLab
      src={src}
      preset="blog"
      title="Race Lab: the blog's program"
      onResult={(result) => window.raceLabResults.push(result)}
    />
    <RaceLab
      src={src}
      scenario="bank"
      balance={3}
      workers={2}
      increments={2}
      strategy="lock"
      title="Race Lab: the bank"
      onResult={(result) => window.bankResults.push(result)}
    />
    <race-lab view="compare" title="Race Lab: racy or atomic" />
  </article>,
);
