/*
 * Material's search worker, with Swedish and English word forms: the last word of a query,
 * which Material turns into a prefix ("pumpar*"), is stemmed first ("pump*"), so that it
 * also finds the word's other forms. The index itself is left unstemmed.
 */
importScripts(new URL(self.location.href).searchParams.get("worker"));

(function () {
  var lunr = self.lunr;
  var VOWEL_N_OR_T = /[aeiouyåäö][nt]$/;

  function stem(word) {
    if (lunr.sv && lunr.sv.stemmer) {
      var stemmed = lunr.sv.stemmer(new lunr.Token(word)).toString();
      // Snowball keeps the definite -n/-t of a noun ending in a vowel (smärtan, ögat).
      if (stemmed === word && word.length > 5 && VOWEL_N_OR_T.test(word)) stemmed = word.slice(0, -1);
      return stemmed;
    }
    return lunr.stemmer(new lunr.Token(word)).toString();
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
