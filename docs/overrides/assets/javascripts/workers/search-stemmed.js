/*
 * Material's search worker, with the word forms of the page's language: the last word of a
 * query, which Material turns into a prefix ("pumpar*"), is stemmed first ("pump*"), so that
 * it also finds the word's other forms. The index itself is left unstemmed. The stemmer is
 * the one Material loaded for the build's search language (lunr.sv, lunr.no, …); English
 * is lunr's own.
 */
importScripts(new URL(self.location.href).searchParams.get("worker"));

(function () {
  var lunr = self.lunr;
  var VOWEL_N_OR_T = /[aeiouyåäö][nt]$/;

  function language() {
    var codes = Object.keys(lunr).filter(function (k) { return k.length <= 3 && lunr[k] && lunr[k].stemmer; });
    return codes.length ? codes[0] : null;
  }

  function stem(word) {
    var code = language();
    if (!code) return lunr.stemmer(new lunr.Token(word)).toString();
    var stemmed = lunr[code].stemmer(new lunr.Token(word)).toString();
    // Swedish Snowball keeps the definite -n/-t of a noun ending in a vowel (smärtan, ögat).
    if (code === "sv" && stemmed === word && word.length > 5 && VOWEL_N_OR_T.test(word)) stemmed = word.slice(0, -1);
    return stemmed;
  }

  var parse = lunr.QueryParser.prototype.parse;
  lunr.QueryParser.prototype.parse = function () {
    var query = parse.call(this);
    query.clauses.forEach(function (clause) {
      var match = /^([^*]+)\*$/.exec(clause.term);
      if (match && clause.usePipeline === false) clause.term = stem(match[1]) + "*";
    });
    return query;
  };
})();
