// Check-in: read the QR code of a badge with the camera where the browser can
// (BarcodeDetector); the typed code works everywhere.
(function () {
  if (!("BarcodeDetector" in window) || !navigator.mediaDevices) return;
  var button = document.getElementById("scan"), video = document.getElementById("camera");
  var input = document.querySelector("input[name=code]");
  button.hidden = false;
  button.addEventListener("click", function () {
    var detector = new BarcodeDetector({formats: ["qr_code"]});
    navigator.mediaDevices.getUserMedia({video: {facingMode: "environment"}}).then(function (stream) {
      video.srcObject = stream; video.hidden = false; video.play();
      var look = function () {
        detector.detect(video).then(function (codes) {
          if (codes.length) { input.value = codes[0].rawValue; stream.getTracks().forEach(function (t) { t.stop(); }); input.form.submit(); }
          else { requestAnimationFrame(look); }
        });
      };
      look();
    });
  });
})();
