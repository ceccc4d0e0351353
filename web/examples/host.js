// The host's side of the example: set inputs and read results through DoseCheckerEmbed.
document.getElementById('dira').addEventListener('click', function () {
  window.DoseCheckerEmbed.setInputs({indication: 'dira', weight: '12', age: '2'});
});
window.DoseCheckerEmbed.onResult(function (result) {
  document.getElementById('latest').textContent = result.ok
    ? result.indication.name + ': ceiling ' + result.regimen.ceiling_mg_per_day + ' mg/day'
    : 'input errors: ' + result.errors.map(function (e) { return e.field; }).join(', ');
});
