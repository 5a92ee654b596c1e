export function App() {
  return <main>Race Lab</main>;
}
