// `webpack --mode production` with no webpack.config.js, through webpack's Node API (so the
// webpack of this project runs, not another one hoisted in the workspace): its defaults build
// src/index.js into dist/main.js.
import webpack from "webpack";

console.log(`webpack ${webpack.version}`);
webpack({ mode: "production" }, (error, stats) => {
  if (error) throw error;
  console.log(stats.toString({ colors: false, modules: false }));
  if (stats.hasErrors()) process.exit(1);
});
