import { buildTestApp } from '/work/main/test/infra/lotse-app-fixture.ts';
let t = performance.now();
const l = buildTestApp();
console.log('construct', Math.round(performance.now() - t)); t = performance.now();
l.app.synth();
console.log('synth', Math.round(performance.now() - t));
